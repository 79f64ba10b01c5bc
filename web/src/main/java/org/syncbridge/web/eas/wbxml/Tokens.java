package org.syncbridge.web.eas.wbxml;

/** The global tokens of WBXML 1.3 (WAP-192-WBXML section 7.1) and the header ActiveSync uses. */
final class Tokens {
    static final int SWITCH_PAGE = 0x00;
    static final int END = 0x01;
    static final int ENTITY = 0x02;
    static final int STR_I = 0x03;
    static final int STR_T = 0x83;
    static final int OPAQUE = 0xC3;

    /** A tag byte's flags: the element has attributes, the element has content. */
    static final int WITH_ATTRIBUTES = 0x80;
    static final int WITH_CONTENT = 0x40;

    /** WBXML 1.3, public id 1 (unknown), charset UTF-8 (IANA MIBenum 106), empty string table. */
    static final byte[] HEADER = {0x03, 0x01, 0x6A, 0x00};
    static final int UTF_8 = 106;

    private Tokens() {
    }
}
