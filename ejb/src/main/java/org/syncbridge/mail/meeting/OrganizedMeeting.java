package org.syncbridge.mail.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.syncbridge.pim.AppointmentChange;

/**
 * What an organizer's write of a meeting means for its attendees when the server, not the phone, tells them (EAS
 * 16.0/16.1, MS-ASCAL): a new meeting, or a change of what attendees are told (times, zone, place, subject, recurrence,
 * occurrences, attendees), is a REQUEST with SEQUENCE raised (RFC 5546 2.1.4) to the attendees; attendees removed get a
 * CANCEL; a deleted or cancelled meeting a CANCEL to all. A change of the organizer's own settings (the alarm, busy
 * status, categories) tells no one. A meeting someone else organizes is never the user's to announce. Pure functions.
 */
public final class OrganizedMeeting {
    /** The SEQUENCE of the meeting as the attendees were last told it. */
    public static final String SEQUENCE = MeetingItems.SEQUENCE;
    private static final Set<String> FACTS = Set.of("subject", "location", "startTime", "endTime", "allDayEvent", "timeZone");
    /** What an occurrence may differ in that is the organizer's own, not the attendees' business. */
    private static final Set<String> PRIVATE = Set.of("reminder", "busyStatus", "categories", "sensitivity", "dtStamp",
            "attendeeStatus", "responseType", "appointmentReplyTime", "meetingStatus");
    /** MeetingStatus of a meeting its organizer cancelled (MS-ASCAL 2.2.2.28), with or without the "received" bit. */
    private static final Set<String> CANCELLED = Set.of("5", "7", "13", "15");

    /** One message for the attendees the meeting (as given) lists. */
    public record Notice(String method, Map<String, Object> meeting) {
    }

    private OrganizedMeeting() {
    }

    /**
     * The organizer's appointment as it is to be stored: with the organizer filled in when the phone left it out, and
     * SEQUENCE 0 when new, raised when the attendees are to be told of a change, kept otherwise. {@code before} is null
     * for a new appointment. Anything else is returned as it is.
     */
    public static Map<String, Object> stored(Map<String, Object> before, Map<String, Object> after, Set<String> own,
                                             String organizerEmail, String organizerName) {
        if (!organizedWithAttendees(before, after, own)) {
            return after;
        }
        Map<String, Object> p = new HashMap<>(after);
        if (ImipRequest.text(p, "organizerEmail") == null && organizerEmail != null) {
            p.put("organizerEmail", organizerEmail);
            if (organizerName != null && ImipRequest.text(p, "organizerName") == null) {
                p.put("organizerName", organizerName);
            }
        }
        if (ImipRequest.text(p, "meetingStatus") == null) {
            p.put("meetingStatus", "1");
        }
        int sequence = before == null ? 0 : told(before, after) ? sequence(before) + 1 : sequence(before);
        p.put(SEQUENCE, String.valueOf(sequence));
        return p;
    }

    /**
     * The messages for the attendees. {@code before} is null for a new appointment, {@code after} (as stored, see
     * {@link #stored}) null for a deleted one.
     */
    public static List<Notice> notices(Map<String, Object> before, Map<String, Object> after, Set<String> own) {
        if (!organizedWithAttendees(before, after, own)) {
            return List.of();
        }
        List<Map<String, Object>> invited = invitees(after, own);
        if (after == null || CANCELLED.contains(ImipRequest.text(after, "meetingStatus"))) {
            if (before != null && CANCELLED.contains(ImipRequest.text(before, "meetingStatus"))) {
                return List.of(); // told before
            }
            Map<String, Object> meeting = new HashMap<>(after == null ? before : after);
            if (after == null) {
                meeting.put(SEQUENCE, String.valueOf(sequence(before) + 1));
            }
            meeting.put("attendees", after == null ? invitees(before, own) : invited);
            return ((List<?>) meeting.get("attendees")).isEmpty() ? List.of() : List.of(new Notice("CANCEL", meeting));
        }
        if (before != null && sequence(after) <= sequence(before)) { // stored() raised it when the attendees are to know
            return List.of();
        }
        List<Notice> notices = new ArrayList<>();
        if (!invited.isEmpty()) {
            Map<String, Object> meeting = new HashMap<>(after);
            meeting.put("attendees", invited);
            notices.add(new Notice("REQUEST", meeting));
        }
        Set<String> staying = addresses(invited);
        List<Map<String, Object>> removed = invitees(before, own).stream()
                .filter(a -> !staying.contains(lower(ImipRequest.text(a, "email")))).toList();
        if (!removed.isEmpty()) {
            Map<String, Object> meeting = new HashMap<>(after);
            meeting.put("attendees", removed);
            notices.add(new Notice("CANCEL", meeting));
        }
        return notices;
    }

    /** The SEQUENCE the appointment was last sent with; 0 when none. */
    public static int sequence(Map<String, Object> meeting) {
        try {
            return Integer.parseInt(String.valueOf(meeting.get(SEQUENCE)).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether the attendees are to be told of the change: what they see of the meeting differs. */
    static boolean told(Map<String, Object> before, Map<String, Object> after) {
        for (String key : keys(before, after)) {
            if ((FACTS.contains(key) || key.startsWith("recurrence.")) && !same(key, before.get(key), after.get(key))) {
                return true;
            }
        }
        return !attendeeSet(before).equals(attendeeSet(after)) || !exceptionSet(before).equals(exceptionSet(after));
    }

    private static boolean organizedWithAttendees(Map<String, Object> before, Map<String, Object> after, Set<String> own) {
        for (Map<String, Object> m : new Map[] {before, after}) {
            if (m != null && AppointmentChange.receivedBy(m, own)) {
                return false;
            }
        }
        return !invitees(before, own).isEmpty() || !invitees(after, own).isEmpty();
    }

    /** The attendees other than the organizer, once each. */
    private static List<Map<String, Object>> invitees(Map<String, Object> meeting, Set<String> own) {
        if (meeting == null) {
            return List.of();
        }
        Set<String> mine = new TreeSet<>();
        own.forEach(a -> mine.add(lower(a)));
        String organizer = lower(ImipRequest.text(meeting, "organizerEmail"));
        Map<String, Map<String, Object>> once = new LinkedHashMap<>();
        for (Map<String, Object> a : ImipRequest.attendees(meeting)) {
            String address = lower(ImipRequest.text(a, "email"));
            if (!mine.contains(address) && !address.equals(organizer)) {
                once.putIfAbsent(address, a);
            }
        }
        return List.copyOf(once.values());
    }

    private static Set<String> addresses(List<Map<String, Object>> attendees) {
        Set<String> result = new TreeSet<>();
        attendees.forEach(a -> result.add(lower(ImipRequest.text(a, "email"))));
        return result;
    }

    private static Set<String> attendeeSet(Map<String, Object> meeting) {
        Set<String> result = new TreeSet<>();
        for (Map<String, Object> a : ImipRequest.attendees(meeting)) {
            String type = ImipRequest.text(a, "attendeeType");
            result.add(lower(ImipRequest.text(a, "email")) + "/" + (type == null ? "1" : type));
        }
        return result;
    }

    /** The exceptions as the attendees see them, without the organizer's own settings. */
    private static Set<String> exceptionSet(Map<String, Object> meeting) {
        Set<String> result = new TreeSet<>();
        if (meeting.get("exceptions") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    Map<String, String> seen = new TreeMap<>();
                    m.forEach((k, v) -> {
                        String value = normal(v);
                        if (!PRIVATE.contains(String.valueOf(k)) && value != null) {
                            seen.put(String.valueOf(k), value);
                        }
                    });
                    result.add(seen.toString());
                }
            }
        }
        return result;
    }

    private static Set<String> keys(Map<String, Object> a, Map<String, Object> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static boolean same(String key, Object a, Object b) {
        String x = normal(a);
        String y = normal(b);
        if (key.equals("allDayEvent") || key.equals("recurrence.interval")) { // the defaults, written or not
            x = x == null ? (key.equals("allDayEvent") ? "0" : "1") : x;
            y = y == null ? (key.equals("allDayEvent") ? "0" : "1") : y;
        }
        return Objects.equals(x, y);
    }

    /** A value as compared: blank is none, an instant in one form. */
    private static String normal(Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        String text = String.valueOf(value).trim();
        Instant instant = ImipRequest.instant(text);
        return instant != null ? instant.toString() : text;
    }

    private static String lower(String address) {
        return address == null ? "" : address.toLowerCase(Locale.ROOT);
    }
}
