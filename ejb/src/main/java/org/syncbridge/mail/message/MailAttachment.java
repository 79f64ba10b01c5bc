package org.syncbridge.mail.message;

/**
 * One attachment of a mail as clients see it.
 *
 * @param fileReference  how ItemOperations and GetAttachment fetch it: "folderId:serverId:imapSection"
 * @param displayName    the file name, decoded from RFC 2231 or RFC 2047
 * @param estimatedSize  its decoded size in bytes (estimated from the encoded size where not known exactly)
 * @param method         1 normal attachment, 5 an embedded message (MS-ASAIRS Method)
 * @param contentId      Content-ID without angle brackets, or null
 * @param contentLocation Content-Location, or null
 * @param inline         shown inside the body (Content-Disposition inline with a Content-ID)
 */
public record MailAttachment(String fileReference, String displayName, long estimatedSize, int method, String contentId,
                             String contentLocation, boolean inline, String contentType) {
}
