package org.syncbridge.mail.meeting;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import org.syncbridge.pim.RecurrenceRule;

/**
 * The invitation or cancellation the server sends for an organizer at EAS 16.0/16.1, where phones leave it to the
 * server (MS-ASCAL 16.0): an iMIP REQUEST (RFC 5546 3.2.2) or CANCEL (3.2.5) of the organizer's appointment, as stored
 * (CalendarFields' properties), to the attendees it lists. Times are written in the appointment's zone with its
 * VTIMEZONE; a series carries its RRULE, EXDATEs for removed occurrences and a VEVENT per changed one. Attendees are
 * asked to answer (PARTSTAT=NEEDS-ACTION, RSVP); a resource (AttendeeType 3) is CUTYPE=RESOURCE.
 */
public final class ImipRequest {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ImipRequest() {
    }

    /** The iCalendar object: {@code method} REQUEST or CANCEL, to the attendees the meeting lists. */
    public static String icalendar(String method, Map<String, Object> meeting, Instant now) {
        ZoneId zone = zone(meeting);
        boolean allDay = "1".equals(text(meeting, "allDayEvent"));
        boolean cancel = method.equals("CANCEL");
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Syncbridge//Meeting//EN"));
        calendar.add(net.fortuna.ical4j.model.property.immutable.ImmutableVersion.VERSION_2_0);
        calendar.add(new Method(method));
        Instant start = instant(meeting.get("startTime"));
        if (!allDay && !(zone.normalized() instanceof ZoneOffset)) {
            calendar.add(ZoneDefinition.of(zone, start == null ? now : start));
        }
        VEvent series = event(meeting, meeting, zone, allDay, cancel, now);
        if (meeting.get("recurrence.type") != null) {
            RecurrenceRule.of(meeting).ifPresent(rule -> {
                Instant until = instant(meeting.get("recurrence.until"));
                series.add(new RRule<>(until == null || rule.contains("COUNT=") ? rule : rule + ";UNTIL=" + until(until, allDay, zone)));
            });
            List<String> removed = new ArrayList<>();
            List<VEvent> overrides = new ArrayList<>();
            for (Map<String, Object> e : exceptions(meeting)) {
                Instant original = instant(e.get("exceptionStartTime"));
                if (original == null) {
                    continue;
                }
                if ("1".equals(text(e, "deleted"))) {
                    removed.add(allDay ? original.atZone(zone).toLocalDate().toString().replace("-", "") : UTC.format(original));
                } else if (!cancel) {
                    overrides.add(override(meeting, e, original, zone, allDay, now));
                }
            }
            if (!removed.isEmpty()) {
                series.add(allDay ? new ExDate<>(new net.fortuna.ical4j.model.ParameterList(List.of(net.fortuna.ical4j.model.parameter.Value.DATE)),
                        String.join(",", removed)) : new ExDate<>(String.join(",", removed)));
            }
            calendar.add(series);
            overrides.forEach(calendar::add);
        } else {
            calendar.add(series);
        }
        return calendar.toString();
    }

    /** The mail: a short text and the iMIP part, from the organizer to each attendee. */
    public static byte[] mail(String method, Map<String, Object> meeting, Instant now) {
        String ical = icalendar(method, meeting, now);
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress(text(meeting, "organizerEmail"), text(meeting, "organizerName"), "UTF-8"));
            List<InternetAddress> to = new ArrayList<>();
            for (Map<String, Object> a : attendees(meeting)) {
                to.add(new InternetAddress(text(a, "email"), text(a, "name"), "UTF-8"));
            }
            m.setRecipients(MimeMessage.RecipientType.TO, to.toArray(InternetAddress[]::new));
            String subject = text(meeting, "subject") == null ? "" : text(meeting, "subject");
            m.setSubject(method.equals("CANCEL") ? "Canceled: " + subject : subject, "UTF-8");
            m.setSentDate(Date.from(now));
            MimeBodyPart text = new MimeBodyPart();
            text.setText(summary(meeting, method), "UTF-8");
            MimeBodyPart calendar = new MimeBodyPart();
            calendar.setContent(ical, "text/calendar; charset=UTF-8; method=" + method);
            calendar.setHeader("Content-Transfer-Encoding", "8bit");
            m.setContent(new MimeMultipart("alternative", text, calendar));
            m.saveChanges();
            m.removeHeader("Message-ID"); // the sender gives it one in the user's domain
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("the meeting mail cannot be written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VEvent event(Map<String, Object> meeting, Map<String, Object> shown, ZoneId zone, boolean allDay, boolean cancel,
                                Instant now) {
        VEvent event = new VEvent(false);
        event.add(new Uid(text(meeting, "uid")));
        event.add(new DtStamp(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        event.add(new Sequence(OrganizedMeeting.sequence(meeting)));
        Organizer organizer = new Organizer(URI.create("mailto:" + text(meeting, "organizerEmail")));
        if (text(meeting, "organizerName") != null) {
            organizer.add(new Cn(text(meeting, "organizerName")));
        }
        event.add(organizer);
        for (Map<String, Object> a : attendees(shown.containsKey("attendees") ? shown : meeting)) {
            event.add(attendee(a, cancel));
        }
        if (text(shown, "subject") != null) {
            event.add(new Summary(text(shown, "subject")));
        }
        if (text(shown, "location") != null) {
            event.add(new Location(text(shown, "location")));
        }
        if (shown.get("body") instanceof String body && !body.isBlank()) {
            event.add(new Description(body));
        }
        Instant start = instant(shown.get("startTime"));
        Instant end = instant(shown.get("endTime"));
        if (start != null) {
            event.add(new DtStart<>(time(start, allDay, zone)));
        }
        if (end != null) {
            event.add(new DtEnd<>(time(end, allDay, zone)));
        }
        event.add(cancel ? new Status("CANCELLED") : new Status("CONFIRMED"));
        return event;
    }

    /** A changed occurrence: the series' fields under the exception's own, at the occurrence's time. */
    private static VEvent override(Map<String, Object> meeting, Map<String, Object> exception, Instant original, ZoneId zone,
                                   boolean allDay, Instant now) {
        Map<String, Object> shown = new java.util.HashMap<>(meeting);
        shown.remove("attendees");
        Instant start = instant(meeting.get("startTime"));
        Instant end = instant(meeting.get("endTime"));
        shown.put("startTime", original.toString());
        if (start != null && end != null) {
            shown.put("endTime", original.plus(Duration.between(start, end)).toString());
        }
        shown.putAll(exception);
        VEvent event = event(meeting, shown, zone, allDay, false, now);
        event.add(new RecurrenceId<>(time(original, allDay, zone)));
        return event;
    }

    private static Attendee attendee(Map<String, Object> a, boolean cancel) {
        Attendee attendee = new Attendee(URI.create("mailto:" + text(a, "email")));
        if (text(a, "name") != null) {
            attendee.add(new Cn(text(a, "name")));
        }
        String type = text(a, "attendeeType");
        if ("3".equals(type)) {
            attendee.add(CuType.RESOURCE);
            attendee.add(Role.NON_PARTICIPANT);
        } else {
            attendee.add(CuType.INDIVIDUAL);
            attendee.add("2".equals(type) ? Role.OPT_PARTICIPANT : Role.REQ_PARTICIPANT);
        }
        if (!cancel) {
            attendee.add(PartStat.NEEDS_ACTION);
            attendee.add(Rsvp.TRUE);
        }
        return attendee;
    }

    /** The attendees the meeting lists that have an address. */
    static List<Map<String, Object>> attendees(Map<String, Object> meeting) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (meeting.get("attendees") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("email") instanceof String email && email.contains("@")) {
                    Map<String, Object> a = new java.util.HashMap<>();
                    m.forEach((k, v) -> a.put(String.valueOf(k), v));
                    result.add(a);
                }
            }
        }
        return result;
    }

    private static List<Map<String, Object>> exceptions(Map<String, Object> meeting) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (meeting.get("exceptions") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    Map<String, Object> e = new java.util.HashMap<>();
                    m.forEach((k, v) -> e.put(String.valueOf(k), v));
                    result.add(e);
                }
            }
        }
        return result;
    }

    private static String summary(Map<String, Object> meeting, String method) {
        StringBuilder s = new StringBuilder(method.equals("CANCEL") ? "This meeting has been canceled.\n\n" : "");
        Instant start = instant(meeting.get("startTime"));
        if (start != null) {
            ZoneId zone = zone(meeting);
            s.append("When: ").append(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy HH:mm", Locale.ENGLISH).format(start.atZone(zone)))
                    .append(" (").append(zone.getId()).append(")\n");
        }
        if (text(meeting, "location") != null) {
            s.append("Where: ").append(text(meeting, "location")).append('\n');
        }
        return s.toString();
    }

    private static Temporal time(Instant instant, boolean allDay, ZoneId zone) {
        if (allDay) {
            return instant.atZone(zone).toLocalDate();
        }
        return zone.normalized() instanceof ZoneOffset ? instant : instant.atZone(zone); // UTC: no TZID
    }

    private static String until(Instant until, boolean allDay, ZoneId zone) {
        return allDay ? until.atZone(zone).toLocalDate().toString().replace("-", "") : UTC.format(until);
    }

    private static ZoneId zone(Map<String, Object> meeting) {
        try {
            return meeting.get("timeZone") == null ? ZoneOffset.UTC : ZoneId.of(String.valueOf(meeting.get("timeZone")));
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    static String text(Map<String, ?> map, String key) {
        Object v = map.get(key);
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v);
    }

    static Instant instant(Object value) {
        try {
            return value == null ? null : Instant.parse(String.valueOf(value));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
