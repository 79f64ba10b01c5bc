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
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Comment;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * The answer mail the server sends for a user at EAS 16.0/16.1 (MeetingResponse with SendResponse, MS-ASCMD
 * 2.2.3.163): an iMIP REPLY (RFC 5546 3.2.3, RFC 6047) to the organizer with the same UID, SEQUENCE and, for one
 * occurrence, RECURRENCE-ID, and only the user's ATTENDEE with its PARTSTAT; the phone's text as COMMENT and as the
 * mail's text. A proposed new time makes it a COUNTER (RFC 5546 3.2.7), as Exchange writes a counter proposal
 * (MS-OXCICAL: METHOD:COUNTER, DTSTART/DTEND the proposal, X-MS-OLK-ORIGINALSTART/END the meeting's times).
 */
public final class ImipReply {

    /** A new time the attendee proposes. */
    public record Proposal(Instant start, Instant end) {
    }

    /** Who answers: the address the organizer invited, and the user's name. */
    public record From(String address, String name) {
    }

    private ImipReply() {
    }

    /** The iCalendar object of the answer. */
    static String icalendar(Map<String, Object> meeting, Instant occurrence, MeetingAnswer answer, From from, String comment,
                            Proposal proposal, Instant now) {
        boolean counter = proposal != null && proposal.start() != null && proposal.end() != null;
        Map<String, Object> shown = occurrence == null ? meeting : occurrenceOf(meeting, occurrence);
        boolean allDay = "1".equals(String.valueOf(shown.get("allDayEvent")));
        ZoneId zone = zone(meeting);
        VEvent event = new VEvent(false);
        event.add(new Uid(String.valueOf(meeting.get("uid"))));
        event.add(new DtStamp(now));
        event.add(new Sequence(sequence(meeting)));
        Organizer organizer = new Organizer(URI.create("mailto:" + meeting.get("organizerEmail")));
        if (meeting.get("organizerName") != null) {
            organizer.add(new Cn(String.valueOf(meeting.get("organizerName"))));
        }
        event.add(organizer);
        Attendee attendee = new Attendee(URI.create("mailto:" + from.address()));
        attendee.add(new PartStat(answer.partStat));
        if (from.name() != null && !from.name().isBlank()) {
            attendee.add(new Cn(from.name()));
        }
        event.add(attendee);
        if (occurrence != null) {
            event.add(new RecurrenceId<>(time(occurrence, allDay, zone)));
        }
        Object subject = shown.get("subject");
        if (subject != null) {
            event.add(new Summary(String.valueOf(subject)));
        }
        Instant start = instant(shown.get("startTime"));
        Instant end = instant(shown.get("endTime"));
        if (counter) {
            event.add(new DtStart<>(proposal.start()));
            event.add(new DtEnd<>(proposal.end()));
            if (start != null && end != null) {
                event.add(new XProperty("X-MS-OLK-ORIGINALSTART", utc(start)));
                event.add(new XProperty("X-MS-OLK-ORIGINALEND", utc(end)));
            }
        } else if (start != null) {
            event.add(new DtStart<>(time(start, allDay, zone)));
            if (end != null) {
                event.add(new DtEnd<>(time(end, allDay, zone)));
            }
        }
        if (comment != null && !comment.isBlank()) {
            event.add(new Comment(comment));
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Syncbridge//MeetingResponse//EN"));
        calendar.add(new Version("2.0", "2.0"));
        calendar.add(new Method(counter ? "COUNTER" : "REPLY"));
        calendar.add(event);
        return calendar.toString();
    }

    /** The answer mail: a text part and the iMIP part, from the user to the organizer. */
    public static byte[] mail(Map<String, Object> meeting, Instant occurrence, MeetingAnswer answer, From from, String comment,
                              Proposal proposal, Instant now) {
        String ical = icalendar(meeting, occurrence, answer, from, comment, proposal, now);
        String method = ical.contains("METHOD:COUNTER") ? "COUNTER" : "REPLY";
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress(from.address(), from.name(), "UTF-8"));
            Object organizerName = meeting.get("organizerName");
            m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(String.valueOf(meeting.get("organizerEmail")),
                    organizerName == null ? null : String.valueOf(organizerName), "UTF-8"));
            Object subject = (occurrence == null ? meeting : occurrenceOf(meeting, occurrence)).get("subject");
            m.setSubject((method.equals("COUNTER") ? "New Time Proposed" : answer.subjectPrefix) + ": "
                    + (subject == null ? "" : subject), "UTF-8");
            m.setSentDate(Date.from(now));
            MimeBodyPart text = new MimeBodyPart();
            text.setText(comment == null || comment.isBlank() ? answer.subjectPrefix : comment, "UTF-8");
            MimeBodyPart calendar = new MimeBodyPart();
            calendar.setContent(ical, "text/calendar; charset=UTF-8; method=" + method);
            calendar.setHeader("Content-Transfer-Encoding", "8bit");
            MimeMultipart alternative = new MimeMultipart("alternative", text, calendar);
            m.setContent(alternative);
            m.saveChanges();
            m.removeHeader("Message-ID"); // the sender gives it one in the user's domain
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("the answer mail cannot be written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The occurrence as shown: its exception's fields over the series', at its own start. */
    private static Map<String, Object> occurrenceOf(Map<String, Object> series, Instant originalStart) {
        Map<String, Object> shown = new java.util.HashMap<>(series);
        Instant start = instant(series.get("startTime"));
        Instant end = instant(series.get("endTime"));
        shown.put("startTime", originalStart.toString());
        if (start != null && end != null) {
            shown.put("endTime", originalStart.plus(java.time.Duration.between(start, end)).toString());
        }
        Map<String, Object> exception = MeetingItems.exception(series, originalStart.toString());
        if (exception != null) {
            shown.putAll(exception);
        }
        return shown;
    }

    private static Temporal time(Instant instant, boolean allDay, ZoneId zone) {
        return allDay ? instant.atZone(zone).toLocalDate() : instant;
    }

    private static String utc(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    private static ZoneId zone(Map<String, Object> meeting) {
        try {
            return ZoneId.of(String.valueOf(meeting.get("timeZone")));
        } catch (DateTimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }

    private static int sequence(Map<String, Object> meeting) {
        try {
            return Integer.parseInt(String.valueOf(meeting.get(MeetingItems.SEQUENCE)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instant(Object value) {
        try {
            return value == null ? null : Instant.parse(String.valueOf(value));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
