package org.syncbridge.mail.sync;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.syncbridge.persistence.mail.MailMessageKey;

/**
 * What makes a mail the same mail across a UIDVALIDITY change, where the IMAP server offers no stable message id
 * (Dovecot's X-GUID changes when mail is appended anew): its Message-ID, arrival date and size, hashed to 64 bits.
 * Recorded per mailbox and UIDVALIDITY for every mail sent to a device.
 */
final class Identities {

    private Identities() {
    }

    static long of(String messageId, Date received, int size) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((messageId == null ? "" : messageId.trim()).getBytes(StandardCharsets.UTF_8));
            sha.update(ByteBuffer.allocate(12).putLong(received == null ? 0 : received.getTime() / 1000).putInt(size).array());
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long of(Message m) throws MessagingException {
        String[] ids = m.getHeader("Message-ID");
        return of(ids == null || ids.length == 0 ? null : ids[0], m.getReceivedDate(), m.getSize());
    }

    /** Records the identities of mail just sent, once per mailbox, UIDVALIDITY and UID. */
    static void record(EntityManager em, long folderId, long validity, IMAPFolder folder, List<IMAPMessage> sent) throws MessagingException {
        if (sent.isEmpty()) {
            return;
        }
        Set<Long> uids = new HashSet<>();
        for (IMAPMessage m : sent) {
            uids.add(folder.getUID(m));
        }
        Set<Long> known = new HashSet<>(em.createQuery("select k.id.uid from MailMessageKey k where k.id.folderId = :folder"
                + " and k.id.uidValidity = :validity and k.id.uid in :uids", Long.class)
                .setParameter("folder", folderId).setParameter("validity", validity).setParameter("uids", uids).getResultList());
        for (IMAPMessage m : sent) {
            long uid = folder.getUID(m);
            if (known.add(uid)) {
                em.persist(new MailMessageKey(folderId, validity, uid, of(m)));
            }
        }
    }

    /** The recorded identities of a mailbox's mail under one UIDVALIDITY: identity to UID. */
    static Map<Long, Long> recorded(EntityManager em, long folderId, long validity) {
        Map<Long, Long> byIdentity = new java.util.HashMap<>();
        for (MailMessageKey k : em.createNamedQuery(MailMessageKey.OF_EPOCH, MailMessageKey.class)
                .setParameter("folder", folderId).setParameter("validity", validity).getResultList()) {
            byIdentity.putIfAbsent(k.getIdentity(), k.getUid());
        }
        return byIdentity;
    }
}
