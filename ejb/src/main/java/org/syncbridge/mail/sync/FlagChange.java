package org.syncbridge.mail.sync;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Message;
import java.util.List;
import java.util.Map;
import org.syncbridge.mail.message.EmailProperties;
import org.syncbridge.mail.message.FlagProperties;

/**
 * What a client's change of a mail does to its IMAP flags: Read sets or clears \Seen, a flag status of 2 sets
 * \Flagged and any other clears it, Categories replace the keywords that are categories. What the client did not
 * send stays as it is; each flag is the last writer's.
 */
record FlagChange(Flags set, Flags cleared) {

    static FlagChange of(Map<String, Object> sent, Flags current) {
        Flags set = new Flags();
        Flags cleared = new Flags();
        Object read = sent.get(EmailProperties.READ);
        if (read != null) {
            ("1".equals(String.valueOf(read)) ? set : cleared).add(Flags.Flag.SEEN);
        }
        Object flag = sent.get(EmailProperties.FLAG_STATUS);
        if (flag != null) {
            ("2".equals(String.valueOf(flag)) ? set : cleared).add(Flags.Flag.FLAGGED);
        }
        if (sent.get(EmailProperties.CATEGORIES) instanceof List<?> categories) {
            List<String> wanted = categories.stream().map(String::valueOf).filter(FlagChange::isKeyword).toList();
            for (String keyword : current.getUserFlags()) {
                if (FlagProperties.isCategory(keyword) && !wanted.contains(keyword)) {
                    cleared.add(keyword);
                }
            }
            wanted.forEach(set::add);
        }
        return new FlagChange(set, cleared);
    }

    /** IMAP keywords are atoms: no spaces, parentheses, quotes, wildcards or backslashes. */
    private static boolean isKeyword(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c > 0x20 && c < 0x7f && "(){%*\"\\]".indexOf(c) < 0);
    }

    void apply(Message message) throws MessagingException {
        if (set.getSystemFlags().length > 0 || set.getUserFlags().length > 0) {
            message.setFlags(set, true);
        }
        if (cleared.getSystemFlags().length > 0 || cleared.getUserFlags().length > 0) {
            message.setFlags(cleared, false);
        }
    }
}
