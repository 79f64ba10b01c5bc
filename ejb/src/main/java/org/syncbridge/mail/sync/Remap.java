package org.syncbridge.mail.sync;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * A mailbox came back with a new UIDVALIDITY (recreated, restored, or a GreenMail restart): the mail the device
 * holds is looked for again by identity. Mail found keeps its ServerId, mail not found is deleted on the device,
 * and the rest arrives as new mail — never a Status 3 that would make the phone drop and reload the folder.
 */
final class Remap {

    /** The snapshot in the new UIDs, and the ServerIds of held mail that was not found again. */
    record Result(MailSnapshot snapshot, List<String> lost) {
    }

    private Remap() {
    }

    static Result of(EntityManager em, long folderId, Mailbox box, MailSnapshot from, long validity) throws MessagingException {
        Map<Long, Long> oldUidByIdentity = Identities.recorded(em, folderId, from.uidValidity());
        Map<Long, Long> identityByOldUid = new HashMap<>();
        oldUidByIdentity.forEach((identity, uid) -> identityByOldUid.put(uid, identity));
        Map<Long, Long> newUidByIdentity = new HashMap<>();
        IMAPFolder folder = box.folder();
        Message[] all = folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add("Message-ID");
        folder.fetch(all, profile);
        box.counted(all.length); // a selection that read the whole folder is not kept
        for (Message m : all) {
            newUidByIdentity.putIfAbsent(Identities.of(m), folder.getUID(m));
        }
        TreeMap<Long, Long> aliases = new TreeMap<>();
        TreeMap<Long, Integer> flags = from.flags() == null ? null : new TreeMap<>();
        List<String> lost = new ArrayList<>();
        long[] highest = {from.ids().offset()};
        from.held().forEach(oldUid -> {
            String serverId = from.ids().serverId(oldUid);
            highest[0] = Math.max(highest[0], Long.parseLong(serverId));
            Long identity = identityByOldUid.get(oldUid);
            Long newUid = identity == null ? null : newUidByIdentity.remove(identity);
            if (newUid == null) {
                lost.add(serverId);
            } else {
                aliases.put(newUid, Long.parseLong(serverId));
                if (flags != null) {
                    flags.put(newUid, from.flagsOrEmpty().getOrDefault(oldUid, 0));
                }
            }
        });
        UidSet held = UidSet.of(aliases.keySet().stream().mapToLong(Long::longValue).toArray());
        for (Long newUid : aliases.keySet()) { // the found mail's identities under the new UIDVALIDITY
            Message m = folder.getMessageByUID(newUid);
            if (m != null && em.find(org.syncbridge.persistence.mail.MailMessageKey.class,
                    new org.syncbridge.persistence.mail.MailMessageKey.Id(folderId, validity, newUid)) == null) {
                em.persist(new org.syncbridge.persistence.mail.MailMessageKey(folderId, validity, newUid, Identities.of(m)));
            }
        }
        // flags are taken as they were: with CONDSTORE the changes from here on are told
        MailSnapshot snapshot = new MailSnapshot(validity, box.highestModseq(), from.cutoff(), false, held, flags,
                ServerIds.after(aliases, highest[0]));
        return new Result(snapshot, lost);
    }
}
