package org.syncbridge.mail;

/**
 * A mail folder as the hierarchy shows it.
 *
 * @param parentId the id of the parent mail folder, or null at the top
 * @param imapName null for the Outbox that exists only on this server
 */
public record MailFolderEntry(long id, Long parentId, String displayName, MailRole role, String imapName) {
}
