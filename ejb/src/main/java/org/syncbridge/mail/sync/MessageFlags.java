package org.syncbridge.mail.sync;

import jakarta.mail.Flags;
import java.util.Arrays;
import org.syncbridge.mail.message.FlagProperties;

/**
 * A message's flags as one small number, for servers without CONDSTORE where changes are found by comparing:
 * \Seen, \Flagged, \Answered and $Forwarded as bits, the keywords (categories) as a 12-bit hash above them.
 */
final class MessageFlags {
    static final int SEEN = 1;
    static final int FLAGGED = 2;
    static final int ANSWERED = 4;
    static final int FORWARDED = 8;
    static final String FORWARDED_KEYWORD = "$Forwarded";

    private MessageFlags() {
    }

    static int of(Flags flags) {
        int bits = (flags.contains(Flags.Flag.SEEN) ? SEEN : 0) | (flags.contains(Flags.Flag.FLAGGED) ? FLAGGED : 0)
                | (flags.contains(Flags.Flag.ANSWERED) ? ANSWERED : 0);
        String[] keywords = flags.getUserFlags();
        Arrays.sort(keywords);
        int hash = 0;
        for (String k : keywords) {
            if (k.equalsIgnoreCase(FORWARDED_KEYWORD)) {
                bits |= FORWARDED;
            } else if (FlagProperties.isCategory(k)) {
                hash = 31 * hash + k.hashCode();
            }
        }
        return bits | (keywords.length == 0 ? 0 : ((hash & 0xfff) | 0x1) << 4);
    }
}
