package org.syncbridge.pim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A phone's change of an appointment, applied to the stored one so that nothing the phone did not mean to change is
 * lost.
 * <ul>
 * <li>A meeting someone else organizes is the organizer's to change. Its copy in an attendee's calendar is
 * recognised by an organizer that is not the calendar's owner, or by a MeetingStatus with the "received" bit
 * (MS-ASCAL 2.2.2.28). A change from the attendee's phone sets only the attendee's own properties: the reminder,
 * how the time shows (busy status), categories, sensitivity, and single occurrences removed from their calendar.
 * Attendees and resources, organizer, times, place, subject, note and recurrence stay as stored, whether the phone
 * sent them (then it gets the stored meeting back) or left them out, as iPhones do when only the alarm changed.</li>
 * <li>An appointment keeps its UID when a change leaves it out.</li>
 * <li>Exceptions the phone leaves out stay while the series keeps its start, end and recurrence: phones changing
 * one property of a series send it without them. A series moved or given another rule loses them, as MS-ASCAL
 * 2.2.2.20, 2.2.2.37 and 2.2.2.42 say for 16.x (they name occurrences of the old pattern).</li>
 * </ul>
 */
public final class AppointmentChange {
    /** What an attendee's phone may change of a meeting someone else organizes. */
    static final Set<String> OWN = Set.of("reminder", "busyStatus", "categories", "sensitivity");
    /** What the attendee sees of the meeting: when the phone sends other values, it is shown the stored ones. */
    private static final List<String> FACTS = List.of("subject", "location", "startTime", "endTime", "allDayEvent",
            "recurrence.type", "recurrence.interval", "recurrence.occurrences", "recurrence.until", "recurrence.dayOfWeek",
            "recurrence.dayOfMonth", "recurrence.weekOfMonth", "recurrence.monthOfYear");
    private static final String EXCEPTIONS = "exceptions";
    private static final String KEY = "exceptionStartTime";

    private AppointmentChange() {
    }

    /**
     * The outcome: the properties to store, and whether the phone holds a version of the meeting the change did not
     * take (then it is sent the stored one).
     */
    public record Applied(Map<String, Object> properties, boolean phoneOutdated) {
    }

    /**
     * Applies a change of the whole appointment.
     *
     * @param sent           what the phone sent
     * @param replaced       the properties the change replaces: the ones it carried and the ones it manages but left out
     * @param ownerAddresses the addresses of the calendar's owner
     */
    public static Applied apply(Map<String, Object> stored, Map<String, Object> sent, Set<String> replaced, Set<String> ownerAddresses) {
        Map<String, Object> merged = new HashMap<>(stored);
        boolean outdated = false;
        if (receivedBy(stored, ownerAddresses)) {
            for (String own : OWN) {
                if (sent.containsKey(own)) {
                    merged.put(own, sent.get(own));
                } else if (replaced.contains(own)) {
                    merged.remove(own);
                }
            }
            if (sent.get(EXCEPTIONS) instanceof List<?> exceptions) {
                merged.put(EXCEPTIONS, withOwnExceptions(stored.get(EXCEPTIONS), exceptions));
            }
            outdated = differs(stored, sent, replaced);
        } else {
            merged.keySet().removeAll(replaced);
            merged.putAll(sent);
            if (!sent.containsKey("uid") && stored.containsKey("uid")) { // its identity, for invitations and replies
                merged.put("uid", stored.get("uid"));
            }
            if (!sent.containsKey(EXCEPTIONS)) {
                if (sameSeries(stored, Appointments.normalized(merged)) && stored.get(EXCEPTIONS) instanceof List<?> kept) {
                    merged.put(EXCEPTIONS, kept);
                } else {
                    merged.remove(EXCEPTIONS);
                }
            }
        }
        if ("".equals(merged.get("reminder"))) { // 16.x: an empty Reminder means none
            merged.remove("reminder");
        }
        return new Applied(merged, outdated);
    }

    /** What of a phone's change of one occurrence applies: all of it, or only the attendee's own properties. */
    public static Map<String, Object> ofOccurrence(Map<String, Object> stored, Map<String, Object> sent, Set<String> ownerAddresses) {
        if (!receivedBy(stored, ownerAddresses)) {
            return sent;
        }
        Map<String, Object> own = new HashMap<>(sent);
        own.keySet().retainAll(OWN);
        return own;
    }

    /** Whether the appointment is a meeting organized by someone other than the calendar's owner. */
    public static boolean receivedBy(Map<String, Object> appointment, Set<String> ownerAddresses) {
        Integer status = StoredValues.number(appointment, "meetingStatus");
        if (status != null && (status & 2) != 0) {
            return true;
        }
        String organizer = address(StoredValues.text(appointment, "organizerEmail"));
        return organizer != null && ownerAddresses.stream().map(AppointmentChange::address).noneMatch(organizer::equals);
    }

    /** An address as compared: without "mailto:" or a display name, lower-case. */
    static String address(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String a = text.trim();
        int open = a.indexOf('<');
        int close = a.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            a = a.substring(open + 1, close).trim();
        }
        if (a.regionMatches(true, 0, "mailto:", 0, 7)) {
            a = a.substring(7);
        }
        return a.toLowerCase(Locale.ROOT);
    }

    /**
     * The stored exceptions with what an attendee's phone may set in them: its own properties, and occurrences it
     * removed from the calendar. Everything else of the organizer's exceptions stays, and an occurrence is never
     * brought back.
     */
    private static List<Object> withOwnExceptions(Object stored, List<?> sent) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (stored instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m) {
                    result.add(copy(m));
                }
            }
        }
        for (Object e : sent) {
            if (!(e instanceof Map<?, ?> m) || !(m.get(KEY) instanceof String start)) {
                continue;
            }
            Map<String, Object> own = new HashMap<>();
            m.forEach((k, v) -> {
                if (OWN.contains(String.valueOf(k))) {
                    own.put(String.valueOf(k), v);
                }
            });
            if ("1".equals(m.get("deleted"))) {
                own.put("deleted", "1");
            }
            if (own.isEmpty()) {
                continue;
            }
            Map<String, Object> match = result.stream().filter(x -> sameValue(x.get(KEY), start)).findFirst().orElse(null);
            if (match == null) {
                match = new HashMap<>(Map.of(KEY, start));
                result.add(match);
            }
            match.putAll(own);
        }
        return new ArrayList<>(result);
    }

    /** Whether the phone's version of the meeting differs in what the attendee sees (what it left out is no difference). */
    private static boolean differs(Map<String, Object> stored, Map<String, Object> sent, Set<String> replaced) {
        for (String fact : FACTS) {
            if ((sent.containsKey(fact) || replaced.contains(fact)) && !sameValue(normal(fact, stored.get(fact)), normal(fact, sent.get(fact)))) {
                return true;
            }
        }
        return sent.containsKey("attendees") && !emails(sent.get("attendees")).equals(emails(stored.get("attendees")));
    }

    /** Whether start, end and recurrence are those of the stored series. */
    static boolean sameSeries(Map<String, Object> before, Map<String, Object> after) {
        Set<String> keys = new TreeSet<>();
        for (Map<String, Object> m : List.of(before, after)) {
            m.keySet().stream().filter(k -> k.startsWith("recurrence.")).forEach(keys::add);
        }
        keys.add("startTime");
        keys.add("endTime");
        return keys.stream().allMatch(k -> sameValue(normal(k, before.get(k)), normal(k, after.get(k))));
    }

    /** Values as compared: an empty text is none, an appointment is not all-day and a rule repeats every time unless they say otherwise. */
    private static Object normal(String name, Object value) {
        Object v = value instanceof String s && s.isBlank() ? null : value;
        if (v == null && name.equals("allDayEvent")) {
            return "0";
        }
        if (v == null && name.equals("recurrence.interval")) {
            return "1";
        }
        return v;
    }

    /** Equal texts, or the same instant written differently. */
    private static boolean sameValue(Object a, Object b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        Instant x = StoredValues.instant(a).orElse(null);
        return x != null && x.equals(StoredValues.instant(b).orElse(null));
    }

    private static Set<String> emails(Object attendees) {
        Set<String> emails = new HashSet<>();
        if (attendees instanceof List<?> list) {
            for (Object a : list) {
                if (a instanceof Map<?, ?> m && m.get("email") instanceof String email && address(email) != null) {
                    emails.add(address(email));
                }
            }
        }
        return emails;
    }

    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> copy = new HashMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
