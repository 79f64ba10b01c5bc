package org.syncbridge.mail.sync;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import org.syncbridge.mail.ImapConnections;
import org.syncbridge.mail.MailConnection;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.MailUnavailable;
import org.syncbridge.mail.message.AttachmentContent;
import org.syncbridge.mail.message.BodyRequest;
import org.syncbridge.mail.message.NoSuchPartException;
import org.syncbridge.persistence.mail.MailFolder;

/**
 * The mail side of ItemOperations: one mail by folder and ServerId (or the LongId "folder:ServerId" that
 * Search hands out), and emptying a folder.
 */
@Stateless
public class MailFetch {

    @PersistenceContext
    EntityManager em;

    @Inject
    ImapConnections connections;

    @Inject
    MailItems items;

    /**
     * The mail a device knows by {@code serverId}, with its body as wished; empty when the folder or the mail is not
     * (or no longer) there.
     */
    public Optional<Map<String, Object>> fetch(long deviceId, long userId, MailLogin login, String collectionId, String serverId,
                                               BodyRequest bodies) {
        return MailAccount.serverIds(em, deviceId, collectionId).uid(serverId)
                .flatMap(uid -> fetchUid(userId, login, collectionId, uid, serverId, bodies));
    }

    private Optional<Map<String, Object>> fetchUid(long userId, MailLogin login, String collectionId, long mailUid, String serverId,
                                                   BodyRequest bodies) {
        Optional<MailFolder> folder = folder(userId, collectionId);
        Optional<Long> uid = Optional.of(mailUid);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        try (MailConnection c = connections.open(login); Mailbox box = Mailbox.open(c, folder.get().getImapName())) {
            return box.message(uid.get()).map(m -> items.properties(m, folder.get().getId() + ":" + serverId, bodies, MailAccount.addresses(em, userId)));
        } catch (MessagingException e) {
            throw new MailUnavailable("fetching a mail of " + login.login() + " failed: " + e.getMessage(), e);
        }
    }


    /** A LongId from a search: "folderId:UID"; its attachments are named by the ServerId the device knows the mail by. */
    public Optional<Map<String, Object>> fetch(long deviceId, long userId, MailLogin login, String longId, BodyRequest bodies) {
        int colon = longId.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String collectionId = longId.substring(0, colon);
        ServerIds ids = MailAccount.serverIds(em, deviceId, collectionId);
        return MailAccount.number(longId.substring(colon + 1))
                .flatMap(u -> fetchUid(userId, login, collectionId, u, ids.serverId(u), bodies));
    }

    /**
     * An attachment by its FileReference "folderId:ServerId:section", whole or the decoded bytes from {@code offset}
     * (at most {@code length} of them, -1 for the rest); empty when the reference names nothing of the user's.
     */
    public Optional<AttachmentDownload> attachment(long deviceId, long userId, MailLogin login, String fileReference, long offset, long length) {
        String[] parts = fileReference.split(":", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<MailFolder> folder = folder(userId, parts[0]);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> uid = MailAccount.serverIds(em, deviceId, parts[0]).uid(parts[1]);
        if (uid.isEmpty()) {
            return Optional.empty();
        }
        try (MailConnection c = connections.open(login); Mailbox box = Mailbox.open(c, folder.get().getImapName())) {
            Optional<org.eclipse.angus.mail.imap.IMAPMessage> message = box.message(uid.get());
            if (message.isEmpty()) {
                return Optional.empty();
            }
            message.get().setPeek(true);
            AttachmentContent content = AttachmentContent.find(message.get(), parts[2]);
            java.nio.file.Path spool = java.nio.file.Files.createTempFile("syncbridge-attachment", ".bin");
            long total;
            try (java.io.InputStream in = content.open(); java.io.OutputStream out = java.nio.file.Files.newOutputStream(spool)) {
                total = copyRange(in, out, Math.max(0, offset), length);
            }
            return Optional.of(new AttachmentDownload(content.contentType(), content.displayName(), total, Math.max(0, offset), spool));
        } catch (NoSuchPartException e) {
            return Optional.empty();
        } catch (MessagingException | java.io.IOException e) {
            throw new MailUnavailable("fetching an attachment of " + login.login() + " failed: " + e.getMessage(), e);
        }
    }

    /** Copies the bytes from {@code offset} (at most {@code length}, -1 for all) and answers the stream's whole length. */
    private static long copyRange(java.io.InputStream in, java.io.OutputStream out, long offset, long length) throws java.io.IOException {
        byte[] buffer = new byte[65536];
        long position = 0;
        long end = length < 0 ? Long.MAX_VALUE : offset + length;
        for (int n; (n = in.read(buffer)) > 0; position += n) {
            long from = Math.max(position, offset);
            long to = Math.min(position + n, end);
            if (to > from) {
                out.write(buffer, (int) (from - position), (int) (to - from));
            }
        }
        return position;
    }

    /**
     * Deletes every mail in the folder (flag, then expunge of exactly those UIDs) and, when asked, its subfolders;
     * false when the folder is not the user's.
     */
    public boolean empty(long userId, MailLogin login, String collectionId, boolean deleteSubfolders) {
        Optional<MailFolder> folder = folder(userId, collectionId);
        if (folder.isEmpty()) {
            return false;
        }
        try (MailConnection c = connections.open(login)) {
            try (Mailbox box = Mailbox.open(c, folder.get().getImapName())) {
                UidSet all = box.search(null);
                if (!all.isEmpty()) {
                    Message[] messages = box.folder().getMessagesByUID(all.highest(Integer.MAX_VALUE));
                    box.counted(messages.length);
                    box.folder().setFlags(java.util.Arrays.stream(messages).filter(java.util.Objects::nonNull).toArray(Message[]::new),
                            new jakarta.mail.Flags(jakarta.mail.Flags.Flag.DELETED), true);
                    box.folder().expunge(java.util.Arrays.stream(messages).filter(java.util.Objects::nonNull).toArray(Message[]::new));
                }
            }
            if (deleteSubfolders) {
                Folder parent = c.store().getFolder(folder.get().getImapName());
                for (Folder child : parent.list("%")) {
                    if (child.exists()) {
                        child.delete(true);
                    }
                }
            }
            return true;
        } catch (MessagingException e) {
            throw new MailUnavailable("emptying a folder of " + login.login() + " failed: " + e.getMessage(), e);
        }
    }

    private Optional<MailFolder> folder(long userId, String collectionId) {
        return MailAccount.folder(em, userId, collectionId).filter(f -> f.getImapName() != null);
    }
}
