package org.syncbridge.web.eas.wbxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodePagesTest {

    @Test
    void allTwentySixPagesWithTheirNamespaces() {
        List<String> namespaces = new ArrayList<>();
        for (int page = 0; page < CodePages.pageCount(); page++) {
            namespaces.add(CodePages.namespace(page));
        }
        assertEquals(List.of("AirSync:", "Contacts:", "Email:", "AirNotify:", "Calendar:", "Move:", "GetItemEstimate:",
                "FolderHierarchy:", "MeetingResponse:", "Tasks:", "ResolveRecipients:", "ValidateCert:", "Contacts2:",
                "Ping:", "Provision:", "Search:", "GAL:", "AirSyncBase:", "Settings:", "DocumentLibrary:",
                "ItemOperations:", "ComposeMail:", "Email2:", "Notes:", "RightsManagement:", "Find:"), namespaces);
    }

    @Test
    void everyTagIsFoundByNameAndByToken() {
        assertEquals(608, CodePages.all().size(), "tokens listed in code-pages.txt");
        for (Tag tag : CodePages.all()) {
            assertSame(tag, Tag.of(tag.namespace(), tag.name()));
            assertSame(tag, CodePages.tag(tag.page(), tag.token()));
            assertEquals(CodePages.namespace(tag.page()), tag.namespace());
            assertTrue(tag.token() >= 0x05 && tag.token() <= 0x3F, tag::toString);
        }
    }

    @Test
    void tagsFromAcrossTheSpec() {
        assertToken(0, 0x05, "AirSync:", "Sync");
        assertToken(1, 0x09, "Contacts:", "Body");
        assertToken(4, 0x05, "Calendar:", "Timezone");
        assertToken(8, 0x10, "MeetingResponse:", "ProposedStartTime");
        assertToken(14, 0x3B, "Provision:", "AccountOnlyRemoteWipe");
        assertToken(17, 0x2D, "AirSyncBase:", "InstanceId");
        assertToken(22, 0x17, "Email2:", "Send");
        assertToken(25, 0x19, "Find:", "GalSearchCriterion");
        assertToken(25, 0x22, "Find:", "Picture");
    }

    @Test
    void unknownTagsAndTokens() {
        assertThrows(IllegalArgumentException.class, () -> Tag.of("AirSync:", "NoSuchTag"));
        assertThrows(IllegalArgumentException.class, () -> Tag.of("AirSync", "Sync"));
        assertNull(CodePages.tag(0, 0x11), "AirSync 0x11 (Version) left the spec");
        assertNull(CodePages.tag(3, 0x05), "AirNotify lists no tokens");
        assertNull(CodePages.tag(26, 0x05));
    }

    private static void assertToken(int page, int token, String namespace, String name) {
        Tag tag = Tag.of(namespace, name);
        assertEquals(page, tag.page(), tag::toString);
        assertEquals(token, tag.token(), tag::toString);
    }
}
