package org.syncbridge.mail.message;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.data.UnfoldingReader;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TemporalAmountAdapter;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * An iMIP message (RFC 6047): the REQUEST, CANCEL or REPLY of a mail's text/calendar part, as Exchange, Outlook, Lotus
 * Notes, Google and the rest write it, and its form for the phone: MS-ASEMAIL's MeetingRequest (the "meetingRequest.*"
 * properties of {@link EmailProperties#MEETING_REQUEST}) and the message class. Times are instants, read through
 * {@link IcalZones}; times without a zone (floating, all-day dates) are read in the default zone given to {@link #parse}.
 * Of several VEVENTs (a series with changed occurrences) the series is described; the occurrences it changes are its
 * {@link #overrides()}, those it leaves out its {@link #exceptionDates()}.
 */
public final class Invitation {
    private static final Logger LOG = Logger.getLogger(Invitation.class.getName());
    private static final Set<String> METHODS = Set.of("REQUEST", "CANCEL", "REPLY");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm[ss]");
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** One ATTENDEE; {@code rsvp} is null when the producer did not say, {@code cuType} (INDIVIDUAL, ROOM, RESOURCE ...) too. */
    public record Attendee(String address, String name, String role, String partStat, Boolean rsvp, String cuType) {
        public Attendee(String address, String name, String role, String partStat, Boolean rsvp) {
            this(address, name, role, partStat, rsvp, null);
        }
    }

    private final String method;
    private final String uid;
    private final int sequence;
    private final Time recurrenceId;
    private final Time start;
    private final Instant end;
    private final boolean allDay;
    private final String summary;
    private final String location;
    private final String description;
    private final Attendee organizer;
    private final List<Attendee> attendees;
    private final String rrule;
    private final Map<String, Object> recurrence;
    private final Instant dtStamp;
    private final Integer reminder;
    private final String classification;
    private final String busyStatus;
    private final boolean disallowNewTimeProposal;
    private final List<Instant> exceptionDates;
    /** The occurrences of a series that the same object describes on their own (VEVENTs with a RECURRENCE-ID). */
    private final List<Invitation> overrides;

    private Invitation(String method, Component event, Reader reader, List<Invitation> overrides) {
        this.overrides = overrides;
        this.method = method;
        uid = text(event, "UID").orElseThrow(() -> new IllegalArgumentException("no UID"));
        sequence = text(event, "SEQUENCE").or(() -> text(event, "X-MICROSOFT-CDO-APPT-SEQUENCE")).map(Invitation::number).orElse(0);
        start = reader.optional(event, "DTSTART").orElse(null);
        if (start == null && method.equals("REQUEST")) {
            throw new IllegalArgumentException("a request without DTSTART");
        }
        recurrenceId = event.getProperty("RECURRENCE-ID").map(reader::time).orElse(null);
        allDay = start != null && (start.date || text(event, "X-MICROSOFT-CDO-ALLDAYEVENT").filter("TRUE"::equalsIgnoreCase).isPresent());
        end = start == null ? null : end(event, start, reader);
        reminder = start == null ? null : reminder(event, start.instant, end, reader);
        summary = text(event, "SUMMARY").orElse(null);
        location = text(event, "LOCATION").orElse(null);
        description = text(event, "DESCRIPTION").orElse(null);
        organizer = event.getProperty("ORGANIZER").map(Invitation::attendee).orElse(null);
        attendees = event.getProperties("ATTENDEE").stream().map(p -> attendee((Property) p)).toList();
        rrule = text(event, "RRULE").orElse(null);
        recurrence = rrule == null || start == null ? null : MeetingRecurrence.of(rrule, start.wallTime, start.zone).orElse(null);
        dtStamp = reader.optional(event, "DTSTAMP").or(() -> reader.optional(event, "LAST-MODIFIED"))
                .or(() -> reader.optional(event, "CREATED")).map(Time::instant)
                .orElse(start != null ? start.instant : Instant.EPOCH);
        classification = text(event, "CLASS").map(c -> c.toUpperCase(Locale.ROOT)).orElse(null);
        busyStatus = text(event, "X-MICROSOFT-CDO-INTENDEDSTATUS").or(() -> text(event, "X-MICROSOFT-CDO-BUSYSTATUS"))
                .flatMap(Invitation::busyStatus)
                .or(() -> text(event, "TRANSP").map(t -> t.equalsIgnoreCase("TRANSPARENT") ? "0" : "2"))
                .orElse("2");
        disallowNewTimeProposal = text(event, "X-MICROSOFT-DISALLOW-COUNTER").filter("TRUE"::equalsIgnoreCase).isPresent();
        exceptionDates = reader.all(event, "EXDATE");
    }

    /** {@link #parse(String, ZoneId)} with the server's zone for times without one. */
    public static Optional<Invitation> parse(String icalendarText) {
        return parse(icalendarText, ZoneId.systemDefault());
    }

    /**
     * The invitation in {@code icalendarText}; empty when it is not an iCalendar object with METHOD REQUEST, CANCEL or
     * REPLY and a VEVENT with a UID (and, for a REQUEST, a start), or cannot be read at all. Never throws.
     */
    public static Optional<Invitation> parse(String icalendarText, ZoneId defaultZone) {
        if (icalendarText == null || icalendarText.isBlank()) {
            return Optional.empty();
        }
        try {
            Calendar calendar = new CalendarBuilder(new CalendarParserImpl(true),
                    new ContentHandlerContext().withSuppressInvalidProperties(true), IcalZones.NO_REGISTRY)
                    .build(new UnfoldingReader(new StringReader(IcalText.clean(icalendarText)), true));
            String method = text(calendar.getProperty("METHOD")).map(m -> m.toUpperCase(Locale.ROOT)).orElse("");
            if (!METHODS.contains(method)) {
                LOG.fine(() -> "Not an invitation: METHOD " + method);
                return Optional.empty();
            }
            List<CalendarComponent> events = calendar.getComponents("VEVENT");
            Optional<CalendarComponent> event = events.stream().filter(e -> e.getProperty("RECURRENCE-ID").isEmpty()).findFirst()
                    .or(() -> events.stream().findFirst());
            if (event.isEmpty()) {
                return Optional.empty();
            }
            Map<String, VTimeZone> zones = new HashMap<>();
            for (CalendarComponent c : calendar.getComponents("VTIMEZONE")) {
                if (c instanceof VTimeZone definition) {
                    text(c, "TZID").ifPresent(id -> zones.put(IcalZones.unquote(id), definition));
                }
            }
            Reader reader = new Reader(new IcalZones(zones, defaultZone));
            return Optional.of(new Invitation(method, event.get(), reader, overrides(method, event.get(), events, reader)));
        } catch (IOException | ParserException | RuntimeException e) {
            LOG.fine(() -> "Not a readable invitation: " + e);
            return Optional.empty();
        }
    }

    /** The other VEVENTs of the same meeting that describe one occurrence; one that cannot be read is left out. */
    private static List<Invitation> overrides(String method, Component main, List<CalendarComponent> events, Reader reader) {
        Optional<String> uid = text(main, "UID");
        List<Invitation> result = new ArrayList<>();
        for (CalendarComponent e : events) {
            if (e != main && e.getProperty("RECURRENCE-ID").isPresent() && text(e, "UID").equals(uid)) {
                try {
                    result.add(new Invitation(method, e, reader, List.of()));
                } catch (RuntimeException broken) {
                    LOG.fine(() -> "An occurrence of " + uid.orElse("") + " was left out: " + broken);
                }
            }
        }
        return List.copyOf(result);
    }

    /**
     * The mail properties of the invitation in {@code icalendarText} (the message class, the content class and
     * "meetingRequest.*"), or none when it is not one: the MIME reader's hook.
     */
    public static Map<String, Object> read(String icalendarText) {
        return parse(icalendarText).map(i -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(EmailProperties.MESSAGE_CLASS, i.messageClass());
            properties.put(EmailProperties.CONTENT_CLASS, "urn:content-classes:calendarmessage");
            properties.putAll(i.meetingRequestProperties());
            return properties;
        }).orElse(Map.of());
    }

    /** REQUEST, CANCEL or REPLY. */
    public String method() {
        return method;
    }

    public String uid() {
        return uid;
    }

    public int sequence() {
        return sequence;
    }

    /** The original start of the one occurrence this message is about; null for a whole meeting. */
    public Instant recurrenceId() {
        return recurrenceId == null ? null : recurrenceId.instant;
    }

    /** Null only in a CANCEL or REPLY that names no time. */
    public Instant start() {
        return start == null ? null : start.instant;
    }

    public Instant end() {
        return end;
    }

    /** The IANA zone the start was given in (the default zone for floating times and dates, UTC for UTC times). */
    public ZoneId zone() {
        return start == null ? null : start.zone.id();
    }

    public boolean allDay() {
        return allDay;
    }

    public String summary() {
        return summary;
    }

    public String location() {
        return location;
    }

    public String description() {
        return description;
    }

    /** The organizer's address, without "mailto:". */
    public String organizer() {
        return organizer == null ? null : organizer.address();
    }

    public String organizerName() {
        return organizer == null ? null : organizer.name();
    }

    public List<Attendee> attendees() {
        return attendees;
    }

    /** The RRULE as sent; null for a single meeting. */
    public String rrule() {
        return rrule;
    }

    public Instant dtStamp() {
        return dtStamp;
    }

    /** In a REPLY, the answering attendee's PARTSTAT (ACCEPTED, DECLINED, TENTATIVE, ...); otherwise null. */
    public String replyPartStat() {
        if (!method.equals("REPLY")) {
            return null;
        }
        return attendees.stream().map(Attendee::partStat).filter(s -> s != null && !s.equals("NEEDS-ACTION")).findFirst()
                .orElse(attendees.isEmpty() ? null : attendees.get(0).partStat());
    }

    /** The occurrences of the series this object describes on their own (each with its {@link #recurrenceId()}). */
    public List<Invitation> overrides() {
        return overrides;
    }

    /** The original starts of the occurrences the series leaves out (EXDATE). */
    public List<Instant> exceptionDates() {
        return exceptionDates;
    }

    /**
     * The series' recurrence as MS-ASCAL stores it (type, interval, dayOfWeek, ..., until as an instant); empty for a
     * single meeting and for a rule the phone's form cannot say.
     */
    public Optional<Map<String, Object>> recurrence() {
        return Optional.ofNullable(recurrence);
    }

    /** MS-ASCAL BusyStatus the organizer intends for attendees who accept (0 free ... 4 working elsewhere). */
    public String intendedBusyStatus() {
        return busyStatus;
    }

    /** MS-ASCAL Sensitivity: 0 normal, 2 private, 3 confidential. */
    public String sensitivity() {
        return switch (String.valueOf(classification)) {
            case "PRIVATE" -> "2";
            case "CONFIDENTIAL" -> "3";
            default -> "0";
        };
    }

    public boolean disallowNewTimeProposal() {
        return disallowNewTimeProposal;
    }

    /** Minutes before the start that the first alarm rings; null without one. */
    public Integer reminderMinutes() {
        return reminder;
    }

    /** MS-ASEMAIL GlobalObjId of the UID, dated with the occurrence's original day in the meeting's zone for an occurrence. */
    public byte[] globalObjId() {
        return GlobalObjectId.of(uid, recurrenceId == null ? null
                : recurrenceId.instant.atZone((start != null ? start.zone : recurrenceId.zone).id()).toLocalDate());
    }

    /** The message class phones show an invitation, a cancellation or an answer by. */
    public String messageClass() {
        return switch (method) {
            case "CANCEL" -> "IPM.Schedule.Meeting.Canceled";
            case "REPLY" -> switch (String.valueOf(replyPartStat())) {
                case "ACCEPTED" -> "IPM.Schedule.Meeting.Resp.Pos";
                case "DECLINED" -> "IPM.Schedule.Meeting.Resp.Neg";
                default -> "IPM.Schedule.Meeting.Resp.Tent"; // TENTATIVE, and answers that neither accept nor decline
            };
            default -> "IPM.Schedule.Meeting.Request";
        };
    }

    /** The "meetingRequest.*" properties, as {@link EmailProperties#MEETING_REQUEST} lists them. */
    public Map<String, Object> meetingRequestProperties() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "allDayEvent", allDay ? "1" : "0");
        if (start != null) {
            put(m, "startTime", start.instant.toString());
            put(m, "endTime", end.toString());
            put(m, "timeZone", start.zone.id().getId());
        }
        put(m, "dtStamp", dtStamp.toString());
        put(m, "location", location);
        put(m, "organizer", organizer());
        put(m, "globalObjId", Base64.getEncoder().encodeToString(globalObjId()));
        // MS-ASEMAIL 2.2.2.39: an iMIP message about one occurrence carries it as an exception (3) of its series
        put(m, "instanceType", recurrenceId != null ? "3" : rrule != null ? "1" : "0");
        put(m, "recurrenceId", recurrenceId == null ? null : recurrenceId.instant.toString());
        put(m, "reminder", reminder == null ? null : String.valueOf(reminder * 60L)); // MS-ASEMAIL 2.2.2.63: seconds
        put(m, "responseRequested", responseRequested() ? "1" : "0");
        put(m, "sensitivity", sensitivity());
        // MS-ASEMAIL 2.2.2.14: the attendee's status once accepted (Outlook's INTENDEDSTATUS), free once cancelled
        put(m, "busyStatus", method.equals("CANCEL") ? "0" : busyStatus);
        // MS-ASEMAIL 2.2.2.47: 1 a new request, 2 a full update (a REQUEST with a higher SEQUENCE), 0 the rest
        put(m, "meetingMessageType", method.equals("REQUEST") ? sequence > 0 ? "2" : "1" : "0");
        put(m, "disallowNewTimeProposal", disallowNewTimeProposal ? "1" : "0");
        put(m, "uid", uid);
        if (recurrence != null) {
            m.put(EmailProperties.MEETING_REQUEST + ".recurrences", List.of(recurrence));
        }
        return m;
    }

    /** A REQUEST asks for an answer unless every attendee is marked RSVP=FALSE. */
    public boolean responseRequested() {
        return method.equals("REQUEST")
                && (attendees.isEmpty() || attendees.stream().anyMatch(a -> !Boolean.FALSE.equals(a.rsvp())));
    }

    private static void put(Map<String, Object> m, String member, String value) {
        if (value != null) {
            m.put(EmailProperties.MEETING_REQUEST + "." + member, value);
        }
    }

    /** DTEND; else the start plus DURATION; else a day after a date, the start itself after a time (RFC 5545 3.6.1). */
    private static Instant end(Component event, Time start, Reader reader) {
        Optional<Time> dtEnd = reader.optional(event, "DTEND");
        if (dtEnd.isPresent() && !dtEnd.get().instant.isBefore(start.instant)) {
            return dtEnd.get().instant;
        }
        Optional<TemporalAmount> duration = text(event, "DURATION").flatMap(Invitation::amount);
        if (duration.isPresent()) {
            return ZonedDateTime.ofInstant(start.instant, start.zone.id()).plus(duration.get()).toInstant();
        }
        return start.date ? ZonedDateTime.ofInstant(start.instant, start.zone.id()).plusDays(1).toInstant() : start.instant;
    }

    /** The first VALARM's TRIGGER, in minutes before the start; an alarm after the start is no reminder. */
    private static Integer reminder(Component event, Instant start, Instant end, Reader reader) {
        List<VAlarm> alarms = event instanceof VEvent e ? e.getAlarms() : List.of();
        for (VAlarm alarm : alarms) {
            Optional<Property> trigger = alarm.getProperty("TRIGGER");
            if (trigger.isEmpty()) {
                continue;
            }
            Optional<Instant> at;
            String value = trigger.get().getValue().trim();
            if (param(trigger.get(), "VALUE").filter("DATE-TIME"::equalsIgnoreCase).isPresent() || value.endsWith("Z")) {
                at = reader.optional(alarm, "TRIGGER").map(Time::instant);
            } else {
                Instant base = param(trigger.get(), "RELATED").filter("END"::equalsIgnoreCase).isPresent() ? end : start;
                at = amount(value).map(a -> base.atZone(ZoneOffset.UTC).plus(a).toInstant());
            }
            if (at.isPresent() && !at.get().isAfter(start)) {
                return (int) Math.min(Duration.between(at.get(), start).toMinutes(), Integer.MAX_VALUE);
            }
        }
        return null;
    }

    /** Outlook's status names as MS-ASEMAIL BusyStatus. */
    private static Optional<String> busyStatus(String status) {
        return Optional.ofNullable(switch (status.trim().toUpperCase(Locale.ROOT)) {
            case "FREE" -> "0";
            case "TENTATIVE" -> "1";
            case "BUSY" -> "2";
            case "OOF" -> "3";
            case "WORKINGELSEWHERE" -> "4";
            default -> null;
        });
    }

    private static Attendee attendee(Property p) {
        String address = p.getValue().trim();
        if (address.regionMatches(true, 0, "mailto:", 0, 7)) {
            address = address.substring(7).trim();
        }
        Boolean rsvp = param(p, "RSVP").map(v -> v.equalsIgnoreCase("TRUE") ? Boolean.TRUE : v.equalsIgnoreCase("FALSE") ? Boolean.FALSE : null)
                .orElse(null);
        return new Attendee(address, param(p, "CN").orElse(null), param(p, "ROLE").map(Invitation::upper).orElse(null),
                param(p, "PARTSTAT").map(Invitation::upper).orElse(null), rsvp, param(p, "CUTYPE").map(Invitation::upper).orElse(null));
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static Optional<TemporalAmount> amount(String value) {
        try {
            return Optional.of(TemporalAmountAdapter.parse(value.trim()).getDuration());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<String> text(Component c, String name) {
        return text(c.getProperty(name));
    }

    private static Optional<String> text(Optional<? extends Property> p) {
        return p.map(Property::getValue).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Optional<String> param(Property p, String name) {
        return p.getParameter(name).map(Parameter::getValue).map(IcalZones::unquote).filter(v -> !v.isEmpty());
    }

    /** A time as written and as an instant. */
    private record Time(Instant instant, LocalDateTime wallTime, IcalZones.Zone zone, boolean date) {
    }

    /** Reads times through the object's zones. */
    private record Reader(IcalZones zones) {
        Time time(Property p) {
            return time(p, p.getValue().trim());
        }

        /** One value of {@code p}, which may hold several (EXDATE). */
        Time time(Property p, String value) {
            if (value.length() == 8 || param(p, "VALUE").filter("DATE"::equalsIgnoreCase).isPresent()) {
                LocalDateTime midnight = LocalDate.parse(value.substring(0, 8), DATE).atStartOfDay();
                return new Time(zones.fallback().instant(midnight), midnight, zones.fallback(), true);
            }
            boolean utc = value.endsWith("Z") || value.endsWith("z");
            LocalDateTime wall = LocalDateTime.parse(utc ? value.substring(0, value.length() - 1) : value, DATE_TIME);
            if (utc) {
                return new Time(wall.toInstant(ZoneOffset.UTC), wall, IcalZones.Zone.of(UTC), false);
            }
            IcalZones.Zone zone = param(p, "TZID").map(id -> zones.zone(id, wall.getYear())).orElse(zones.fallback());
            return new Time(zone.instant(wall), wall, zone, false);
        }

        /** The instants of every value of every such property; a broken one is left out. */
        List<Instant> all(Component c, String name) {
            List<Instant> result = new ArrayList<>();
            for (Object o : c.getProperties(name)) {
                Property p = (Property) o;
                for (String value : p.getValue().split(",")) {
                    try {
                        if (!value.isBlank()) {
                            result.add(time(p, value.trim()).instant());
                        }
                    } catch (RuntimeException e) {
                        LOG.fine(() -> "A broken " + name + " was left out: " + value);
                    }
                }
            }
            return List.copyOf(result);
        }

        /** A time that may be missing or broken without spoiling the rest. */
        Optional<Time> optional(Component c, String name) {
            try {
                return c.getProperty(name).map(p -> time((Property) p));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
