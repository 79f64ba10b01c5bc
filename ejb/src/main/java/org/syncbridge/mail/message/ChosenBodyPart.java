package org.syncbridge.mail.message;

/**
 * The message part a client gets (MS-ASAIRS 2.2.2.10 BodyPart, 14.1): an HTML {@link ChosenBody} of the mail's own
 * text, and whether it could be told at all.
 *
 * @param part its size, whether it was cut, its (possibly cut) UTF-8 data (null when AllOrNone or TOO_LARGE left
 *             none) and the preview asked for
 */
public record ChosenBodyPart(Status status, ChosenBody part) {
    /** MS-ASAIRS 2.2.2.37 Status: its numbers are the protocol's. */
    public enum Status {
        OK(1),
        /** 176, "the message part is too large": the mail is too large for its message part to be found in it. */
        TOO_LARGE(176);

        public final int code;

        Status(int code) {
            this.code = code;
        }
    }
}
