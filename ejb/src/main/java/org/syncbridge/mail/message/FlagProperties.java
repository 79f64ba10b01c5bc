package org.syncbridge.mail.message;

import jakarta.mail.Flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Read, FlagStatus, LastVerbExecuted and Categories from IMAP flags and keywords. */
public final class FlagProperties {
    static final String FORWARDED = "$Forwarded";
    /** keywords mail programs use for junk filtering without a "$" (Thunderbird, Apple Mail, Dovecot's antispam) */
    private static final Set<String> JUNK_KEYWORDS = Set.of("junk", "nonjunk", "notjunk");

    private FlagProperties() {
    }

    static String read(Flags flags) {
        return flags.contains(Flags.Flag.SEEN) ? "1" : "0";
    }

    static String flagStatus(Flags flags) {
        return flags.contains(Flags.Flag.FLAGGED) ? "2" : "0";
    }

    /** "3" forwarded, "1" replied to sender, "0" neither; IMAP does not tell reply from reply-all. */
    static String lastVerb(Flags flags) {
        if (hasKeyword(flags, FORWARDED)) {
            return "3";
        }
        return flags.contains(Flags.Flag.ANSWERED) ? "1" : "0";
    }

    /**
     * The user's own keywords. Those starting with "$" are left out: RFC 5788 reserves them for registered keywords
     * that mail programs set for themselves ($Forwarded, $MDNSent, $Junk, $NotJunk, $Phishing, $Label1..5,
     * $MailFlagBit0..2, $HasAttachment, ...), never a category a user typed; so are the junk keywords without "$".
     */
    static List<String> categories(Flags flags) {
        List<String> categories = new ArrayList<>();
        for (String keyword : flags.getUserFlags()) {
            if (isCategory(keyword)) {
                categories.add(keyword);
            }
        }
        return categories;
    }

    /** Whether an IMAP keyword is a category of the user's (see {@link #categories}). */
    public static boolean isCategory(String keyword) {
        return !keyword.startsWith("$") && !JUNK_KEYWORDS.contains(keyword.toLowerCase(Locale.ROOT));
    }

    /** What a flag change tells a client: Read, Flag, Categories and LastVerbExecuted. */
    public static java.util.Map<String, Object> of(Flags flags) {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put(EmailProperties.READ, read(flags));
        p.put(EmailProperties.FLAG_STATUS, flagStatus(flags));
        p.put(EmailProperties.CATEGORIES, categories(flags));
        p.put(EmailProperties.LAST_VERB_EXECUTED, lastVerb(flags));
        return p;
    }

    private static boolean hasKeyword(Flags flags, String keyword) {
        for (String k : flags.getUserFlags()) {
            if (k.equalsIgnoreCase(keyword)) {
                return true;
            }
        }
        return false;
    }
}
