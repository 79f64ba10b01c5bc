package org.syncbridge.mail.push;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The running counts behind {@link MailPushStats}. */
final class Counters {
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger idling = new AtomicInteger();
    final AtomicLong connects = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong polls = new AtomicLong();
    final AtomicLong notices = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
}
