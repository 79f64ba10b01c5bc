package org.syncbridge.device;

import java.time.Instant;
import java.util.Map;

/** A context's device policy as the admin API shows it: every setting with its value. */
public record PolicyInfo(String context, long policyKey, Instant changedAt, Map<String, String> settings) {
}
