package org.syncbridge.tenant;

/**
 * What the Global Address Book shows of a user besides display name and addresses. In a change a
 * null field stays as it is and "" clears it.
 */
public record DirectoryEntry(String firstName, String lastName, String title, String company, String office,
                             String businessPhone, String mobilePhone, String homePhone) {
}
