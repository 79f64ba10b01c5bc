package org.syncbridge.user;

import java.time.Instant;
import java.util.List;
import org.syncbridge.persistence.user.OofState;

/** A user's out-of-office settings; the window applies when the state is TIME_BASED. */
public record OofSettings(OofState state, Instant start, Instant end, List<OofReply> replies) {
}
