package org.syncbridge.directory;

import java.util.List;

/** One page of a Global Address Book lookup, and how many entries match in all. */
public record GalPage(long total, List<GalEntry> entries) {
}
