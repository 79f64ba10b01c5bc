package org.syncbridge.mail.message;

/** When a client wants the message as MIME regardless of its body wishes (MS-ASCMD MIMESupport 0, 1, 2). */
public enum MimeSupport {
    NEVER, SMIME_ONLY, ALWAYS
}
