package org.syncbridge.mail.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.syncbridge.mail.message.Invitation;
import org.syncbridge.pim.Occurrences;

/**
 * iMIP messages as appointments, in the PIM store's properties (MS-ASCAL's Calendar class, see CalendarFields). A
 * received meeting (MeetingStatus 3) waits for the user's answer: ResponseType 5 "not responded", BusyStatus 1
 * "tentative" (free stays free). An update keeps the user's answer only while the meeting keeps its times, as
 * Exchange does; it also keeps the user's own reminder and categories. A cancelled meeting stays in the calendar,
 * free, as "received and canceled" (MeetingStatus 7) for the user to remove, as Exchange keeps it; a cancelled
 * occurrence is deleted from its series. Pure functions of their arguments.
 */
final class MeetingItems {
    static final String MEETING_RECEIVED = "3";
    static final String RECEIVED_AND_CANCELED = "7";
    static final String NOT_RESPONDED = "5";
    /** What the organizer wants an attendee who accepts to be (BusyStatus), for MeetingResponse to use. */
    static final String INTENDED_BUSY_STATUS = "meeting.intendedBusyStatus";
    /** The SEQUENCE of the organizer's message the appointment shows. */
    static final String SEQUENCE = "meeting.sequence";
    private static final String FREE = "0";
    private static final String TENTATIVE = "1";
    private static final Set<String> ANSWERED = Set.of("2", "3", "4");

    private MeetingItems() {
    }

    /**
     * The appointment a REQUEST for the whole meeting describes, for the user with the addresses {@code own};
     * {@code before} is the appointment as it is now, null when there is none.
     */
    static Map<String, Object> requested(Invitation request, Set<String> own, Map<String, Object> before) {
        Map<String, Object> p = new HashMap<>(occurrence(request, own));
        p.put("uid", request.uid());
        p.put("timeZone", request.zone().getId());
        putText(p, "organizerEmail", request.organizer());
        putText(p, "organizerName", request.organizerName());
        p.put("responseRequested", request.responseRequested() ? "1" : "0");
        p.put("disallowNewTimeProposal", request.disallowNewTimeProposal() ? "1" : "0");
        p.put(INTENDED_BUSY_STATUS, request.intendedBusyStatus());
        p.put(SEQUENCE, String.valueOf(request.sequence()));
        if (request.recurrenceId() == null) {
            request.recurrence().ifPresent(r -> r.forEach((k, v) -> p.put("recurrence." + k, v)));
        }
        if (p.containsKey("recurrence.type")) {
            List<Object> exceptions = new ArrayList<>();
            for (Instant left : request.exceptionDates()) {
                exceptions.add(new HashMap<>(Map.of("exceptionStartTime", left.toString(), "deleted", "1")));
            }
            for (Invitation moved : request.overrides()) {
                Map<String, Object> e = new HashMap<>(occurrence(moved, own));
                e.put("exceptionStartTime", moved.recurrenceId().toString());
                exceptions.add(e);
            }
            if (!exceptions.isEmpty()) {
                p.put("exceptions", exceptions);
            }
        }
        if (before != null) {
            keepOwn(p, before, true);
            for (String mine : List.of("reminder", "categories")) { // the user's own settings
                if (before.containsKey(mine)) {
                    p.put(mine, before.get(mine));
                }
            }
        }
        return p;
    }

    /** The series with the one occurrence a REQUEST with a RECURRENCE-ID describes. */
    static Map<String, Object> occurrenceRequested(Map<String, Object> series, Invitation request, Set<String> own) {
        String originalStart = request.recurrenceId().toString();
        Map<String, Object> before = exception(series, originalStart);
        Map<String, Object> fields = new HashMap<>(before == null ? Map.of() : before);
        fields.remove("deleted");
        fields.putAll(occurrence(request, own));
        keepOwn(fields, before != null ? withDefaults(before, series) : asOccurrence(series, originalStart), false);
        return Occurrences.changed(series, originalStart, fields);
    }

    /** The appointment marked cancelled: still shown, free, as the organizer now titles it. */
    static Map<String, Object> cancelled(Map<String, Object> appointment, Invitation cancel) {
        Map<String, Object> p = new HashMap<>(appointment);
        p.put("meetingStatus", RECEIVED_AND_CANCELED);
        p.put("busyStatus", FREE);
        putText(p, "subject", cancel.summary());
        p.put(SEQUENCE, String.valueOf(cancel.sequence()));
        return p;
    }

    /** The series without the occurrence a CANCEL with a RECURRENCE-ID names. */
    static Map<String, Object> occurrenceCancelled(Map<String, Object> series, Invitation cancel) {
        return Occurrences.deleted(series, cancel.recurrenceId().toString());
    }

    /** The organizer's appointment with the replying attendee's answer (for the whole meeting or one occurrence). */
    static Map<String, Object> replied(Map<String, Object> appointment, Invitation reply) {
        Invitation.Attendee who = answering(reply);
        if (who == null) {
            return appointment;
        }
        if (reply.recurrenceId() != null && appointment.containsKey("recurrence.type")) {
            String originalStart = reply.recurrenceId().toString();
            Map<String, Object> before = exception(appointment, originalStart);
            Map<String, Object> fields = new HashMap<>(before == null ? Map.of() : before);
            Object attendees = before != null && before.containsKey("attendees") ? before.get("attendees") : appointment.get("attendees");
            fields.put("attendees", withAnswer(attendees, who));
            return Occurrences.changed(appointment, originalStart, fields);
        }
        Map<String, Object> p = new HashMap<>(appointment);
        p.put("attendees", withAnswer(appointment.get("attendees"), who));
        return p;
    }

    /** The attendee whose answer a REPLY carries: the first that answered something, else the first. */
    static Invitation.Attendee answering(Invitation reply) {
        return reply.attendees().stream().filter(a -> a.partStat() != null && !a.partStat().equals("NEEDS-ACTION")).findFirst()
                .orElse(reply.attendees().isEmpty() ? null : reply.attendees().get(0));
    }

    /** MS-ASCAL AttendeeStatus of a PARTSTAT: 2 tentative, 3 accepted, 4 declined, 5 not responded, 0 unknown. */
    static String attendeeStatus(String partStat) {
        return switch (String.valueOf(partStat)) {
            case "ACCEPTED" -> "3";
            case "TENTATIVE" -> "2";
            case "DECLINED" -> "4";
            case "NEEDS-ACTION" -> NOT_RESPONDED;
            default -> "0";
        };
    }

    /** What one occurrence (or a single meeting) shows: times, texts, attendees and the user's answer. */
    private static Map<String, Object> occurrence(Invitation i, Set<String> own) {
        Map<String, Object> p = new HashMap<>();
        putText(p, "subject", i.summary());
        p.put("startTime", i.start().toString());
        p.put("endTime", i.end().toString());
        p.put("allDayEvent", i.allDay() ? "1" : "0");
        putText(p, "location", i.location());
        putText(p, "body", i.description());
        p.put("dtStamp", i.dtStamp().toString());
        p.put("sensitivity", i.sensitivity());
        if (i.reminderMinutes() != null) {
            p.put("reminder", String.valueOf(i.reminderMinutes()));
        }
        p.put("meetingStatus", MEETING_RECEIVED);
        List<Object> attendees = new ArrayList<>();
        String answer = null;
        for (Invitation.Attendee a : i.attendees()) {
            if (a.address().isEmpty() || a.address().equalsIgnoreCase(String.valueOf(i.organizer()))) {
                continue; // the organizer is no attendee of its own meeting (Notes and Google list it as one)
            }
            Map<String, Object> entry = new HashMap<>();
            entry.put("email", a.address());
            putText(entry, "name", a.name());
            entry.put("attendeeStatus", attendeeStatus(a.partStat()));
            entry.put("attendeeType", attendeeType(a));
            attendees.add(entry);
            if (answer == null && own.contains(a.address().toLowerCase(Locale.ROOT))) {
                answer = a.partStat();
            }
        }
        if (!attendees.isEmpty()) {
            p.put("attendees", attendees);
        }
        String response = switch (String.valueOf(answer)) { // a request may carry the user's answer already (RSVP=FALSE bookings)
            case "ACCEPTED" -> "3";
            case "TENTATIVE" -> "2";
            case "DECLINED" -> "4";
            default -> NOT_RESPONDED;
        };
        p.put("responseType", response);
        String intended = i.intendedBusyStatus();
        p.put("busyStatus", switch (response) {
            case "3" -> intended;
            case "4" -> FREE;
            default -> FREE.equals(intended) ? FREE : TENTATIVE;
        });
        return p;
    }

    /** MS-ASCAL AttendeeType: 3 a resource (a room), 2 optional, 1 required. */
    private static String attendeeType(Invitation.Attendee a) {
        if ("ROOM".equals(a.cuType()) || "RESOURCE".equals(a.cuType())) {
            return "3";
        }
        return "OPT-PARTICIPANT".equals(a.role()) || "NON-PARTICIPANT".equals(a.role()) ? "2" : "1";
    }

    /**
     * Carries the user's answer from {@code before} into {@code next} when the user had answered and the times stay:
     * ResponseType, BusyStatus, AppointmentReplyTime, and the user's own AttendeeStatus among the attendees.
     */
    private static void keepOwn(Map<String, Object> next, Map<String, Object> before, boolean whole) {
        if (!ANSWERED.contains(String.valueOf(before.get("responseType"))) || !sameTimes(before, next, whole)) {
            return;
        }
        for (String answer : List.of("responseType", "busyStatus", "appointmentReplyTime")) {
            if (before.containsKey(answer)) {
                next.put(answer, before.get(answer));
            }
        }
        if (next.get("attendees") instanceof List<?> attendees && before.get("attendees") instanceof List<?> old) {
            List<Object> kept = new ArrayList<>();
            for (Object a : attendees) {
                Object answered = a;
                if (a instanceof Map<?, ?> entry) {
                    for (Object o : old) {
                        if (o instanceof Map<?, ?> was && String.valueOf(was.get("email")).equalsIgnoreCase(String.valueOf(entry.get("email")))
                                && NOT_RESPONDED.equals(entry.get("attendeeStatus"))) {
                            Map<String, Object> copy = copy(entry);
                            copy.put("attendeeStatus", was.get("attendeeStatus"));
                            answered = copy;
                        }
                    }
                }
                kept.add(answered);
            }
            next.put("attendees", kept);
        }
    }

    /** Whether two versions start and end at the same instants, are both all-day or not, and (whole meetings) recur alike. */
    private static boolean sameTimes(Map<String, Object> a, Map<String, Object> b, boolean whole) {
        if (!sameInstant(a.get("startTime"), b.get("startTime")) || !sameInstant(a.get("endTime"), b.get("endTime"))
                || !Objects.equals(a.getOrDefault("allDayEvent", "0"), b.getOrDefault("allDayEvent", "0"))) {
            return false;
        }
        if (!whole) {
            return true; // an occurrence: the rule is its series'
        }
        Map<String, Object> ra = new HashMap<>();
        Map<String, Object> rb = new HashMap<>();
        a.forEach((k, v) -> {
            if (k.startsWith("recurrence.")) {
                ra.put(k, v);
            }
        });
        b.forEach((k, v) -> {
            if (k.startsWith("recurrence.")) {
                rb.put(k, v);
            }
        });
        return ra.equals(rb);
    }

    /** The occurrence of a series that starts at {@code originalStart}, as it is without an exception of its own. */
    private static Map<String, Object> asOccurrence(Map<String, Object> series, String originalStart) {
        Map<String, Object> o = withDefaults(Map.of(), series);
        Instant start = Instant.parse(originalStart);
        o.put("startTime", start.toString());
        o.put("exceptionStartTime", originalStart);
        length(series).ifPresentOrElse(d -> o.put("endTime", start.plus(d).toString()), () -> o.remove("endTime"));
        return o;
    }

    /** An exception's fields over its series' (an exception holds only what differs). */
    private static Map<String, Object> withDefaults(Map<String, Object> exception, Map<String, Object> series) {
        Map<String, Object> o = new HashMap<>(series);
        o.keySet().removeIf(k -> k.startsWith("recurrence.") || k.equals("exceptions"));
        o.putAll(exception);
        return o;
    }

    private static java.util.Optional<Duration> length(Map<String, Object> series) {
        try {
            return java.util.Optional.of(Duration.between(Instant.parse(String.valueOf(series.get("startTime"))),
                    Instant.parse(String.valueOf(series.get("endTime")))));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** The series' exception for the occurrence that starts at {@code originalStart}, or null. */
    static Map<String, Object> exception(Map<String, Object> series, String originalStart) {
        if (series.get("exceptions") instanceof List<?> exceptions) {
            for (Object e : exceptions) {
                if (e instanceof Map<?, ?> m && sameInstant(m.get("exceptionStartTime"), originalStart)) {
                    return copy(m);
                }
            }
        }
        return null;
    }

    private static List<Object> withAnswer(Object attendees, Invitation.Attendee who) {
        List<Object> result = new ArrayList<>();
        boolean found = false;
        if (attendees instanceof List<?> list) {
            for (Object a : list) {
                if (a instanceof Map<?, ?> m && who.address().equalsIgnoreCase(String.valueOf(m.get("email")))) {
                    Map<String, Object> changed = copy(m);
                    changed.put("attendeeStatus", attendeeStatus(who.partStat()));
                    result.add(changed);
                    found = true;
                } else {
                    result.add(a);
                }
            }
        }
        if (!found) { // someone the invitation was forwarded to
            Map<String, Object> added = new HashMap<>();
            added.put("email", who.address());
            putText(added, "name", who.name());
            added.put("attendeeStatus", attendeeStatus(who.partStat()));
            added.put("attendeeType", attendeeType(who));
            result.add(added);
        }
        return result;
    }

    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> c = new HashMap<>();
        m.forEach((k, v) -> c.put(String.valueOf(k), v));
        return c;
    }

    private static boolean sameInstant(Object a, Object b) {
        try {
            return a != null && b != null && Instant.parse(String.valueOf(a)).equals(Instant.parse(String.valueOf(b)));
        } catch (DateTimeParseException e) {
            return Objects.equals(a, b);
        }
    }

    private static void putText(Map<String, Object> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.put(name, value);
        }
    }
}
