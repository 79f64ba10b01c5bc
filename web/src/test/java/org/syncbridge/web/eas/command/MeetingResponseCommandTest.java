package org.syncbridge.web.eas.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MeetingResponseCommandTest {

    @Test
    void instanceIdsAreReadInBothDateForms() {
        Instant monday = Instant.parse("2026-03-09T08:00:00Z");
        assertEquals(monday, MeetingResponseCommand.time("2026-03-09T08:00:00.000Z").orElseThrow(), "MS-ASDTYPE dateTime");
        assertEquals(monday, MeetingResponseCommand.time("20260309T080000Z").orElseThrow(), "the compact form");
        assertTrue(MeetingResponseCommand.time("next monday").isEmpty());
    }
}
