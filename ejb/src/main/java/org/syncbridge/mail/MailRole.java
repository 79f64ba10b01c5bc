package org.syncbridge.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a mail folder is for: a special folder, or an ordinary one. */
public enum MailRole {
    INBOX, DRAFTS, TRASH, SENT, OUTBOX, JUNK, MAIL;

    private static final Map<String, MailRole> SPECIAL_USE = Map.of(
            "\\Drafts", DRAFTS, "\\Trash", TRASH, "\\Sent", SENT, "\\Junk", JUNK);

    private static final Map<MailRole, Set<String>> NAMES = Map.of(
            DRAFTS, Set.of("drafts", "draft", "entwürfe"),
            TRASH, Set.of("trash", "deleted items", "deleted messages", "deleted", "papierkorb"),
            SENT, Set.of("sent", "sent items", "sent messages", "sent mail", "gesendet", "gesendete objekte"),
            JUNK, Set.of("junk", "spam", "junk e-mail", "junk email"),
            OUTBOX, Set.of("outbox", "postausgang"));

    /** The role a SPECIAL-USE attribute (RFC 6154) names, if any. */
    static Optional<MailRole> ofAttribute(String attribute) {
        return Optional.ofNullable(SPECIAL_USE.get(attribute));
    }

    /** The role a well-known folder name suggests, for servers without SPECIAL-USE. */
    static Optional<MailRole> ofName(String displayName) {
        String name = displayName.toLowerCase(Locale.ROOT);
        return NAMES.entrySet().stream().filter(e -> e.getValue().contains(name)).map(Map.Entry::getKey).findFirst();
    }

    public boolean special() {
        return this != MAIL;
    }
}
