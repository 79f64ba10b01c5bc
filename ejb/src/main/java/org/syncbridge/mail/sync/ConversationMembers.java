package org.syncbridge.mail.sync;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.iap.Argument;
import org.syncbridge.mail.message.Conversation;

/**
 * The mails of one conversation. A ConversationId is a hash of the thread's root Message-ID (see
 * {@link Conversation}), which IMAP cannot search for. So the threading headers of each folder's newest candidates are
 * read first ({@link #SCAN} at most per folder); the conversation's mails among them name its root, and every mail
 * naming that root in Message-ID, References or In-Reply-To is then found by IMAP SEARCH in each folder, and checked.
 * Threads stay found however old, as long as one of their mails is among the newest of some folder.
 */
final class ConversationMembers {
    /** The newest candidates of a folder whose headers are read to find the thread. */
    static final int SCAN = 500;
    private static final int MAX_ROOTS = 8;
    private static final List<String> THREADING = List.of("Message-ID", "References", "In-Reply-To");

    private final byte[] id;
    private final int scan;
    private final Set<String> roots = new LinkedHashSet<>();
    private final Map<Long, UidSet> scanned = new HashMap<>();

    ConversationMembers(byte[] id, int scan) {
        this.id = id.clone();
        this.scan = scan;
    }

    /** First pass over a folder: those of its newest candidates ({@code null}: all its mail) that belong, and the roots they name. */
    void scan(long folderId, Mailbox box, UidSet candidates) throws MessagingException {
        if (candidates != null) {
            scanned.put(folderId, belonging(box, candidates.highest(scan)));
            return;
        }
        int count = box.folder().getMessageCount(); // the newest by sequence number: no search of the whole folder
        scanned.put(folderId, count == 0 ? UidSet.EMPTY : belonging(box, box.folder().getMessages(Math.max(1, count - scan + 1), count)));
    }

    /** Second pass: the folder's mails of the conversation among the candidates ({@code null}: all its mail). */
    UidSet members(long folderId, Mailbox box, UidSet candidates) throws MessagingException {
        UidSet found = scanned.getOrDefault(folderId, UidSet.EMPTY);
        if (roots.isEmpty()) {
            return found;
        }
        int n = roots.size() * THREADING.size();
        Argument named = new Argument();
        int written = 0;
        for (String root : roots) {
            for (String header : THREADING) {
                if (++written < n) {
                    named.writeAtom("OR"); // prefix form: OR a OR b c
                }
                named.writeAtom("HEADER " + header);
                named.writeString(root, StandardCharsets.UTF_8);
            }
        }
        boolean utf8 = roots.stream().anyMatch(r -> !StandardCharsets.US_ASCII.newEncoder().canEncode(r));
        UidSet naming = box.search(named, utf8);
        if (candidates != null) {
            naming = naming.within(candidates);
        }
        long[] unchecked = naming.without(found).highest(Integer.MAX_VALUE);
        return found.with(belonging(box, unchecked));
    }

    /** Those of the mails with these UIDs that belong to the conversation; the roots they name are learned. */
    private UidSet belonging(Mailbox box, long[] uids) throws MessagingException {
        Arrays.sort(uids);
        UidSet found = UidSet.EMPTY;
        for (int from = 0; from < uids.length; from += QueryMatcher.CHUNK) {
            long[] chunk = Arrays.copyOfRange(uids, from, Math.min(uids.length, from + QueryMatcher.CHUNK));
            found = found.with(belonging(box, box.folder().getMessagesByUID(chunk)));
        }
        return found;
    }

    private UidSet belonging(Mailbox box, Message[] messages) throws MessagingException {
        Message[] present = Arrays.stream(messages).filter(m -> m != null && !m.isExpunged()).toArray(Message[]::new);
        FetchProfile headers = new FetchProfile();
        headers.add(UIDFolder.FetchProfileItem.UID);
        Conversation.HEADERS.forEach(headers::add);
        box.folder().fetch(present, headers);
        List<Long> members = new ArrayList<>();
        for (Message m : present) {
            MimeMessage mail = (MimeMessage) m;
            if (Arrays.equals(id, Conversation.id(mail))) {
                members.add(box.folder().getUID(m));
                Conversation.root(mail).filter(r -> roots.size() < MAX_ROOTS).ifPresent(roots::add);
            }
        }
        return UidSet.of(members.stream().mapToLong(Long::longValue).toArray());
    }
}
