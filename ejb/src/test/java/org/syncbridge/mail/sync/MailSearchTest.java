package org.syncbridge.mail.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.junit.jupiter.api.AfterEach;
import org.syncbridge.mail.TestImap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.message.BodyRequest;
import org.syncbridge.mail.message.Conversation;
import org.syncbridge.mail.message.EmailProperties;
import org.syncbridge.mail.sync.MailSearchPage.Outcome;

/** Mailbox search against a real IMAP server (GreenMail: no ESEARCH, no CONDSTORE). */
class MailSearchTest {
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final MailLogin LOGIN = new MailLogin("mia@example.org", "pw");

    TestImap imap;
    GreenMail mail;
    Store store;
    MailSearch search;
    /** The mails whose properties the search read, by subject. */
    List<String> read = new ArrayList<>();
    List<SearchResults.Folder> folders = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        imap = TestImap.start();
        mail = imap.mail;
        store = imap.login("mia@example.org");
        for (String name : List.of("Archive", "Projects", "Projects" + separator() + "Alpha", "ProjectsOld")) {
            store.getFolder(name).create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS);
        }
        long id = 1;
        for (String name : List.of("INBOX", "Archive", "Projects", "Projects" + separator() + "Alpha", "ProjectsOld")) {
            folders.add(new SearchResults.Folder(id++, name, UidSet.EMPTY));
        }
        search = new MailSearch();
        search.memory = new MailSearchMemory();
        search.items = new MailItems() {
            @Override
            public Map<String, Object> properties(IMAPMessage message, String fileReferencePrefix, BodyRequest bodies, Set<String> addresses) {
                try {
                    read.add(message.getSubject());
                    return Map.of(EmailProperties.SUBJECT, message.getSubject(), "fileReference", fileReferencePrefix,
                            EmailProperties.DATE_RECEIVED, message.getReceivedDate().toInstant().toString());
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public Map<String, Object> flagProperties(Flags flags) {
                return Map.of();
            }
        };
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        imap.close();
    }

    char separator() throws MessagingException {
        return store.getDefaultFolder().getSeparator();
    }

    /** Appends a mail with this arrival time (INTERNALDATE); answers its UID. */
    long append(String folder, String subject, String text, Instant received) throws Exception {
        return append(folder, subject, text, received, Map.of());
    }

    long append(String folder, String subject, String text, Instant received, Map<String, String> headers) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("ann@example.com", "Ann Example"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("mia@example.org"));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.setSentDate(Date.from(received));
        Folder f = store.getFolder(folder);
        f.open(Folder.READ_WRITE);
        try {
            MimeMessage dated = new MimeMessage(m) {
                @Override
                public Date getReceivedDate() {
                    return Date.from(received);
                }

                @Override
                protected void updateMessageID() throws MessagingException {
                    if (getHeader("Message-ID") == null) {
                        super.updateMessageID();
                    }
                }
            };
            for (Map.Entry<String, String> h : headers.entrySet()) { // on the copy: copying saves the original anew
                dated.setHeader(h.getKey(), h.getValue());
            }
            return ((IMAPFolder) f).appendUIDMessages(new Message[] {dated})[0].uid;
        } finally {
            f.close(false);
        }
    }

    MailSearchPage page(MailQuery query, int first, int last) throws MessagingException {
        return page(query, first, last, false, false, folders);
    }

    MailSearchPage page(MailQuery query, int first, int last, boolean rebuild, boolean continuation, List<SearchResults.Folder> scope)
            throws MessagingException {
        MailSearchRequest r = new MailSearchRequest(7, 42, LOGIN, "", query, first, last, rebuild, continuation, BodyRequest.PLAIN);
        return search.page(store, r, scope, Set.of("mia@example.org"), (device, folder) -> ServerIds.PLAIN);
    }

    static MailQuery text(String freeText) {
        return new MailQuery(MailQuery.terms(freeText), List.of(), false, null, null, null);
    }

    static List<String> subjects(MailSearchPage page) {
        return page.hits().stream().map(h -> (String) h.properties().get(EmailProperties.SUBJECT)).toList();
    }

    @Test
    void aWordOfTheSubjectFindsTheMailInEveryFolderNewestFirst() throws Exception {
        append("INBOX", "Quarterly budget review", "see attached", NOW.minus(3, ChronoUnit.HOURS));
        append("Archive", "Old budget", "from last year", NOW.minus(300, ChronoUnit.DAYS));
        long newest = append("Projects", "Budget for Alpha", "numbers", NOW.minus(1, ChronoUnit.HOURS));
        append("INBOX", "Lunch", "the canteen", NOW.minus(2, ChronoUnit.HOURS));

        MailSearchPage page = page(text("budget"), 0, 99);

        assertEquals(Outcome.OK, page.outcome());
        assertEquals(List.of("Budget for Alpha", "Quarterly budget review", "Old budget"), subjects(page));
        assertEquals(3, page.total());
        MailSearchPage.Hit first = page.hits().get(0);
        assertEquals("3", first.collectionId());
        assertEquals(String.valueOf(newest), first.serverId());
        assertEquals("3:" + newest, first.longId());
        assertEquals("3:" + newest, first.properties().get("fileReference"), "attachments are named under the ServerId");
    }

    @Test
    void resultsCarryTheServerIdsTheDeviceKnowsTheirMailBy() throws Exception {
        long uid = append("INBOX", "agenda", "x", NOW);
        MailSearchRequest r = new MailSearchRequest(7, 42, LOGIN, "", text("agenda"), 0, 9, false, false, BodyRequest.PLAIN);
        ServerIds remapped = ServerIds.after(Map.of(), 5000); // the Inbox's UIDVALIDITY changed after the device synced it
        MailSearchPage page = search.page(store, r, folders, Set.of(), (device, folder) -> device == 42 && folder == 1 ? remapped : ServerIds.PLAIN);
        MailSearchPage.Hit hit = page.hits().get(0);
        assertEquals(String.valueOf(5000 + uid), hit.serverId());
        assertEquals("1:" + uid, hit.longId(), "a LongId names the UID itself");
        assertEquals("1:" + (5000 + uid), hit.properties().get("fileReference"));
    }

    @Test
    void aConversationIsFoundInEveryFolderByTheIdTheReaderGaveIt() throws Exception {
        Map<String, String> root = Map.of("Message-ID", "<root.1@example.com>");
        Map<String, String> reply = Map.of("Message-ID", "<reply.2@example.org>", "In-Reply-To", "<root.1@example.com>",
                "References", "<root.1@example.com>");
        Map<String, String> again = Map.of("Message-ID", "<reply.3@example.com>", "In-Reply-To", "<reply.2@example.org>",
                "References", "<root.1@example.com> <reply.2@example.org>");
        append("Archive", "Plans", "first", NOW.minus(5, ChronoUnit.DAYS), root);
        for (int i = 0; i < 4; i++) {
            append("Archive", "filler " + i, "x", NOW.minus(4, ChronoUnit.DAYS));
        }
        append("Projects", "Re: Plans", "second", NOW.minus(2, ChronoUnit.DAYS), reply);
        append("INBOX", "Re: Re: Plans", "third", NOW.minus(1, ChronoUnit.DAYS), again);
        append("INBOX", "Plans", "another thread", NOW, Map.of("Message-ID", "<other@example.com>"));
        byte[] id;
        Folder archive = store.getFolder("Archive");
        archive.open(Folder.READ_ONLY);
        try {
            id = Conversation.id((MimeMessage) archive.getMessage(1)); // as the mail reader sends it
        } finally {
            archive.close(false);
        }

        MailQuery conversation = new MailQuery(List.of(), List.of(), false, null, null, id);
        assertEquals(List.of("Re: Re: Plans", "Re: Plans", "Plans"), subjects(page(conversation, 0, 9)));
        MailQuery withText = new MailQuery(List.of("third"), List.of(), false, null, null, id);
        assertEquals(List.of("Re: Re: Plans"), subjects(page(withText, 0, 9, true, false, folders)));

        // reading only the two newest mails of each folder, the thread's first mail is not among them: the replies
        // name it, and IMAP finds it by its Message-ID
        SearchResults narrow = SearchResults.search(store, "k", folders, new QueryMatcher(conversation, 2), 10);
        assertEquals(3, narrow.total());
        assertEquals(List.of(1L, 3L, 2L), narrow.ranked().stream().map(SearchResults.Hit::folderId).toList());
    }

    @Test
    void everyTermMustMatchAndTextBeyondAsciiIsFound() throws Exception {
        append("INBOX", "Grüße aus Köln", "bis bald", NOW.minus(1, ChronoUnit.HOURS));
        append("INBOX", "Quarterly budget review", "the numbers are late", NOW.minus(2, ChronoUnit.HOURS));
        append("INBOX", "Budget", "nothing here", NOW.minus(3, ChronoUnit.HOURS));

        assertEquals(List.of("Grüße aus Köln"), subjects(page(text("köln"), 0, 9)), "UTF-8, case-insensitive");
        assertEquals(List.of("Quarterly budget review"), subjects(page(text("budget numbers"), 0, 9)), "subject and body words");
        assertEquals(List.of("Quarterly budget review"), subjects(page(text("\"budget review\""), 0, 9)), "a quoted phrase");
        assertEquals(List.of(), subjects(page(text("budget köln"), 0, 9)));
        assertEquals(List.of("Grüße aus Köln", "Quarterly budget review", "Budget"), subjects(page(text("ann@example.com"), 0, 9)),
                "the sender's address is text of the mail too");
    }

    @Test
    void receivedDatesBoundTheResultsToTheSecond() throws Exception {
        // not 12:00: GreenMail reads an APPEND's 12:xx as 00:xx
        Instant noon = NOW.truncatedTo(ChronoUnit.DAYS).minus(10, ChronoUnit.DAYS).plus(11, ChronoUnit.HOURS);
        append("INBOX", "report morning", "x", noon.minus(3, ChronoUnit.HOURS));
        append("INBOX", "report noon", "x", noon);
        append("INBOX", "report afternoon", "x", noon.plus(3, ChronoUnit.HOURS));
        append("INBOX", "report next day", "x", noon.plus(1, ChronoUnit.DAYS));
        append("INBOX", "report last month", "x", noon.minus(30, ChronoUnit.DAYS));

        MailQuery after = new MailQuery(List.of("report"), List.of(), false, noon, null, null);
        assertEquals(List.of("report next day", "report afternoon"), subjects(page(after, 0, 9)));
        MailQuery before = new MailQuery(List.of("report"), List.of(), false, null, noon, null);
        assertEquals(List.of("report morning", "report last month"), subjects(page(before, 0, 9)));
        MailQuery between = new MailQuery(List.of(), List.of(), false, noon.minus(4, ChronoUnit.HOURS), noon.plus(4, ChronoUnit.HOURS), null);
        MailSearchPage day = page(between, 0, 9);
        assertEquals(List.of("report afternoon", "report noon", "report morning"), subjects(day));
        assertEquals(3, day.total(), "the total counts exactly, not by day");
    }

    @Test
    void aPageReadsOnlyItsOwnMailsAndTheNextPageComesFromMemory() throws Exception {
        for (int i = 0; i < 25; i++) {
            append(i % 2 == 0 ? "INBOX" : "Archive", String.format("invoice %02d", i), "x", NOW.minus(100 - i, ChronoUnit.MINUTES));
        }
        MailSearchPage second = page(text("invoice"), 10, 19);
        assertEquals(25, second.total());
        assertEquals(10, second.first());
        List<String> expected = new ArrayList<>();
        for (int i = 14; i >= 5; i--) {
            expected.add(String.format("invoice %02d", i));
        }
        assertEquals(expected, subjects(second));
        assertEquals(expected.stream().sorted().toList(), read.stream().sorted().toList(), "no other mail was read");

        append("INBOX", "invoice 25", "x", NOW);
        MailSearchPage third = page(text("invoice"), 20, 29, false, true, folders);
        assertEquals(25, third.total(), "the remembered results, not a new search");
        assertEquals(List.of("invoice 04", "invoice 03", "invoice 02", "invoice 01", "invoice 00"), subjects(third));

        MailSearchPage rebuilt = page(text("invoice"), 0, 0, true, false, folders);
        assertEquals(26, rebuilt.total());
        assertEquals(List.of("invoice 25"), subjects(rebuilt));

        assertEquals(Outcome.NOT_REMEMBERED, page(text("receipt"), 10, 19, false, true, folders).outcome(),
                "another query's next page is not made up");
    }

    @Test
    void rangesBeyondTheResultsAreEmptyAndTheReachIsBounded() throws Exception {
        append("INBOX", "memo 1", "x", NOW.minus(1, ChronoUnit.HOURS));
        append("INBOX", "memo 2", "x", NOW);
        MailSearchPage beyond = page(text("memo"), 5, 9);
        assertEquals(List.of(), beyond.hits());
        assertEquals(2, beyond.total());
        assertEquals(2, beyond.retrievable());
        assertEquals(List.of("memo 2", "memo 1"), subjects(page(text("memo"), 0, 9)));
    }

    @Test
    void aMailGoneSinceTheSearchIsLeftOutOfItsPage() throws Exception {
        append("INBOX", "notice 1", "x", NOW.minus(2, ChronoUnit.HOURS));
        long gone = append("INBOX", "notice 2", "x", NOW.minus(1, ChronoUnit.HOURS));
        assertEquals(List.of("notice 2", "notice 1"), subjects(page(text("notice"), 0, 1)));
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        ((UIDFolder) inbox).getMessageByUID(gone).setFlag(Flags.Flag.DELETED, true);
        inbox.close(true);
        MailSearchPage next = page(text("notice"), 0, 1, false, true, folders);
        assertEquals(List.of("notice 1"), subjects(next));
    }

    @Test
    void deepTraversalAddsTheSubfoldersOfTheNamedFoldersOnly() throws Exception {
        String alpha = "Projects" + separator() + "Alpha";
        append("Projects", "plan top", "x", NOW.minus(3, ChronoUnit.HOURS));
        append(alpha, "plan alpha", "x", NOW.minus(2, ChronoUnit.HOURS));
        append("ProjectsOld", "plan old", "x", NOW.minus(1, ChronoUnit.HOURS));
        List<SearchResults.Folder> projects = List.of(folders.get(2));

        List<SearchResults.Folder> deep = MailSearch.withSubfolders(store, projects, folders);
        assertEquals(List.of("Projects", alpha), deep.stream().map(SearchResults.Folder::imapName).toList());
        MailQuery plan = new MailQuery(List.of("plan"), List.of("3"), true, null, null, null);
        assertEquals(List.of("plan alpha", "plan top"), subjects(page(plan, 0, 9, false, false, deep)));
        MailQuery shallow = new MailQuery(List.of("plan"), List.of("3"), false, null, null, null);
        assertEquals(List.of("plan top"), subjects(page(shallow, 0, 9, false, false, projects)));
    }

    @Test
    void freeTextSplitsIntoWordsAndQuotedPhrases() {
        assertEquals(List.of("budget", "Q3 review", "köln"), MailQuery.terms("  budget \"Q3 review\" köln budget "));
        assertEquals(List.of(), MailQuery.terms(" \"\" "));
        assertTrue(new MailQuery(List.of(), List.of("5"), true, null, null, null).key()
                .compareTo(new MailQuery(List.of("5"), List.of(), true, null, null, null).key()) != 0, "a term is not a folder");
    }
}
