package org.syncbridge.mail.sync;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.syncbridge.mail.ImapConnections;
import org.syncbridge.mail.MailConnection;
import org.syncbridge.mail.MailUnavailable;
import org.syncbridge.mail.sync.MailSearchPage.Outcome;
import org.syncbridge.persistence.mail.MailFolder;

/**
 * Mailbox search for EAS Search (Store Mailbox) and Find: the mails matching a {@link MailQuery} in the user's mail
 * folders, newest first across folders, a page at a time. The search runs on the IMAP server (see
 * {@link QueryMatcher}); only the page's mails are read, with their bodies as the client wishes. A device's last
 * results are remembered briefly ({@link MailSearchMemory}), so its next page costs no new search.
 */
@Stateless
public class MailSearch {
    /** The most results any page can reach; a Find asks for up to 1000 (0-999). */
    public static final int MAX_RESULTS = SearchResults.MAX_RANKED;

    @PersistenceContext
    EntityManager em;

    @Inject
    ImapConnections connections;

    @Inject
    MailItems items;

    @Inject
    MailSearchMemory memory;

    public MailSearchPage search(MailSearchRequest r) {
        List<SearchResults.Folder> named = new ArrayList<>();
        for (String id : r.query().collectionIds()) {
            Optional<MailFolder> folder = MailAccount.folder(em, r.userId(), id);
            if (folder.isEmpty()) {
                return MailSearchPage.refused(Outcome.UNKNOWN_FOLDER);
            }
            if (folder.get().getImapName() != null) { // the Outbox kept here holds no mail
                named.add(scoped(folder.get()));
            }
        }
        List<SearchResults.Folder> visible = MailAccount.folders(em, r.userId()).stream().map(MailSearch::scoped).toList();
        try (MailConnection c = connections.open(r.login())) {
            List<SearchResults.Folder> scope = r.query().collectionIds().isEmpty() ? visible
                    : r.query().deepTraversal() ? withSubfolders(c.store(), named, visible) : named;
            return page(c.store(), r, scope, MailAccount.addresses(em, r.userId()),
                    (device, folder) -> MailAccount.serverIds(em, device, String.valueOf(folder)));
        } catch (MessagingException e) {
            throw new MailUnavailable("searching the mail of " + r.login().login() + " failed: " + e.getMessage(), e);
        }
    }


    /** Where a page finds the ServerIds a device knows a folder's mail by. */
    @FunctionalInterface
    interface DeviceIds {
        ServerIds of(long deviceId, long folderId);
    }

    private static SearchResults.Folder scoped(MailFolder f) {
        return new SearchResults.Folder(f.getId(), f.getImapName(), UidSet.EMPTY);
    }

    /** The named folders and every visible folder below them (by IMAP name and the server's hierarchy separator). */
    static List<SearchResults.Folder> withSubfolders(Store store, List<SearchResults.Folder> named, List<SearchResults.Folder> visible)
            throws MessagingException {
        Map<Long, SearchResults.Folder> scope = new LinkedHashMap<>();
        for (SearchResults.Folder parent : named) {
            scope.put(parent.id(), parent);
            String prefix = parent.imapName() + store.getFolder(parent.imapName()).getSeparator();
            visible.stream().filter(f -> f.imapName().startsWith(prefix)).forEach(f -> scope.putIfAbsent(f.id(), f));
        }
        return List.copyOf(scope.values());
    }

    /** The page: from remembered results of the same query where the device has them, else from a new search. */
    MailSearchPage page(Store store, MailSearchRequest r, List<SearchResults.Folder> scope, Set<String> addresses, DeviceIds ids)
            throws MessagingException {
        String key = r.searchId().length() + ":" + r.searchId() + r.query().key();
        Optional<SearchResults> remembered = r.rebuild() ? Optional.empty() : memory.recall(r.deviceId(), key);
        if (remembered.isEmpty() && r.continuation()) {
            return MailSearchPage.refused(Outcome.NOT_REMEMBERED);
        }
        int wanted = (int) Math.min(MAX_RESULTS, (long) r.last() + 1);
        SearchResults results = remembered.isPresent() ? remembered.get().deepened(store, wanted)
                : SearchResults.search(store, key, scope, new QueryMatcher(r.query()), wanted);
        memory.remember(r.deviceId(), results);
        List<SearchResults.Hit> ranked = results.ranked();
        List<SearchResults.Hit> page = ranked.subList(Math.min(r.first(), ranked.size()), Math.min(wanted, ranked.size()));
        return new MailSearchPage(Outcome.OK, results.total(), Math.min(results.total(), MAX_RESULTS), r.first(),
                read(store, page, r, addresses, ids));
    }

    /** The page's mails with their properties, in the page's order; each folder is examined once. */
    private List<MailSearchPage.Hit> read(Store store, List<SearchResults.Hit> page, MailSearchRequest r, Set<String> addresses,
                                          DeviceIds ids) throws MessagingException {
        Map<Long, List<SearchResults.Hit>> byFolder = new LinkedHashMap<>();
        page.forEach(h -> byFolder.computeIfAbsent(h.folderId(), id -> new ArrayList<>()).add(h));
        Map<SearchResults.Hit, MailSearchPage.Hit> read = new HashMap<>();
        for (List<SearchResults.Hit> hits : byFolder.values()) {
            long folderId = hits.get(0).folderId();
            ServerIds known = ids.of(r.deviceId(), folderId);
            Map<Long, SearchResults.Hit> byUid = new HashMap<>();
            hits.forEach(h -> byUid.put(h.uid(), h));
            try (Mailbox box = Mailbox.examine(store, hits.get(0).imapName())) {
                for (IMAPMessage m : box.messages(hits.stream().mapToLong(SearchResults.Hit::uid).toArray())) {
                    long uid = box.folder().getUID(m);
                    String serverId = known.serverId(uid);
                    read.put(byUid.get(uid), new MailSearchPage.Hit(String.valueOf(folderId), serverId, folderId + ":" + uid,
                            items.properties(m, folderId + ":" + serverId, r.bodies(), addresses)));
                }
            }
        }
        // in the page's order; a mail expunged since the search is left out
        return page.stream().map(read::get).filter(Objects::nonNull).toList();
    }
}
