package org.syncbridge.directory;

import java.util.List;

/**
 * A recipient a name resolved to: a user of the Global Address Book or one address of a contact in the
 * user's own folders.
 *
 * @param id           the user's id (GAL) or the contact's (CONTACT)
 * @param certificates the user's S/MIME certificates valid now, in base64; only for a resolved name
 * @param photoSize    the photo's size in bytes, null without one
 */
public record Recipient(Kind kind, long id, String displayName, String address, List<String> certificates,
                        Integer photoSize) {

    public enum Kind { GAL, CONTACT }
}
