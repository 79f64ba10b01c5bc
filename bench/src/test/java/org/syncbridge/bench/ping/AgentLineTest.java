package org.syncbridge.bench.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentLineTest {

    @Test
    void linesRoundTripAndAReasonKeepsItsSpaces() {
        assertEquals(new AgentLine("DEVICE", List.of("u@bench.test", "pw", "PB1")), AgentLine.parse(AgentLine.device("u@bench.test", "pw", "PB1")));
        AgentLine parked = AgentLine.parse(AgentLine.parked("PB1", 123_456_789L));
        assertEquals(123_456_789L, parked.number(1));
        assertEquals(List.of("PB1", "the connection closed while PARKED"),
                AgentLine.parse(AgentLine.ended("PB1", "the connection\nclosed  while PARKED")).fields());
        assertEquals(List.of("PB2", "?"), AgentLine.parse(AgentLine.failed("PB2", null)).fields());
        assertEquals(new AgentLine("PARK", List.of()), AgentLine.parse("PARK"));
        assertEquals(-5L, AgentLine.parse(AgentLine.woke("PB1", -5)).number(1));
    }

    @Test
    void wordsWithSpacesCannotBeSent() {
        assertThrows(IllegalArgumentException.class, () -> AgentLine.device("a b", "pw", "PB1"));
        assertThrows(IllegalArgumentException.class, () -> AgentLine.parse("DONE").field(0));
    }
}
