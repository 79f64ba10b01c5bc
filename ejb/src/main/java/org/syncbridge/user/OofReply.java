package org.syncbridge.user;

import org.syncbridge.persistence.user.OofAudience;

/** The out-of-office reply for one audience; {@code html} tells the body type. */
public record OofReply(OofAudience audience, boolean enabled, String reply, boolean html) {
}
