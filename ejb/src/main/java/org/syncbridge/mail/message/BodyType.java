package org.syncbridge.mail.message;

/** The forms a mail body can take for a client (MS-ASAIRS Type): its numbers are the protocol's. */
public enum BodyType {
    PLAIN(1), HTML(2), RTF(3), MIME(4);

    public final int code;

    BodyType(int code) {
        this.code = code;
    }

    public static java.util.Optional<BodyType> ofCode(int code) {
        for (BodyType t : values()) {
            if (t.code == code) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
