package org.syncbridge.mail.message;

import java.util.List;
import java.util.Locale;

/**
 * A mail's message class (MS-ASEMAIL MessageClass, MS-OXCMAIL for reports and S/MIME, MS-OXOCAL for meetings):
 * S/MIME first (a client needs the MIME to read it whatever else it is), then reports, then iMIP.
 */
final class MessageClass {
    static final String NOTE = "IPM.Note";
    static final String MEETING_REQUEST = "IPM.Schedule.Meeting.Request";
    static final String MEETING_CANCELED = "IPM.Schedule.Meeting.Canceled";
    /** DSN actions from the most severe down (MS-OXCMAIL: the most severe names the class) and their classes */
    private static final List<String[]> DSN_ACTIONS = List.of(
            new String[]{"failed", "REPORT.IPM.Note.NDR"},
            new String[]{"delayed", "REPORT.IPM.Note.Delayed.DR"},
            new String[]{"delivered", "REPORT.IPM.Note.DR"},
            new String[]{"relayed", "REPORT.IPM.Note.Relayed.DR"},
            new String[]{"expanded", "REPORT.IPM.Note.Expanded.DR"});

    private MessageClass() {
    }

    static String of(MessageStructure s) {
        if (s.encrypted()) {
            return "IPM.Note.SMIME";
        }
        if (s.topType.equals("multipart/signed")) {
            return "IPM.Note.SMIME.MultipartSigned";
        }
        if ("delivery-status".equals(s.reportType) || "global-delivery-status".equals(s.reportType)) {
            return deliveryReport(s.reportFields);
        }
        if ("disposition-notification".equals(s.reportType)) {
            String disposition = field(s.reportFields, "Disposition");
            boolean displayed = disposition != null && disposition.toLowerCase(Locale.ROOT).matches(".*;\\s*displayed\\b.*");
            return displayed ? "REPORT.IPM.Note.IPNRN" : "REPORT.IPM.Note.IPNNRN";
        }
        if (s.calendarMethod != null) {
            return switch (s.calendarMethod) {
                case "REQUEST" -> MEETING_REQUEST;
                case "CANCEL" -> MEETING_CANCELED;
                default -> reply(ICalendarLines.partStat(s.calendarText));
            };
        }
        return NOTE;
    }

    static boolean meeting(String messageClass) {
        return messageClass.startsWith("IPM.Schedule.Meeting.");
    }

    private static String reply(String partStat) {
        if (partStat == null) {
            return NOTE;
        }
        return switch (partStat) {
            case "ACCEPTED" -> "IPM.Schedule.Meeting.Resp.Pos";
            case "DECLINED" -> "IPM.Schedule.Meeting.Resp.Neg";
            case "TENTATIVE" -> "IPM.Schedule.Meeting.Resp.Tent";
            default -> NOTE;
        };
    }

    private static String deliveryReport(String fields) {
        String actions = fields == null ? "" : fields.toLowerCase(Locale.ROOT);
        for (String[] action : DSN_ACTIONS) {
            if (actions.matches("(?s).*(^|\\n)action:\\s*" + action[0] + "\\b.*")) {
                return action[1];
            }
        }
        return "REPORT.IPM.Note.NDR"; // a delivery report that says nothing readable: most are failures
    }

    private static String field(String fields, String name) {
        if (fields == null) {
            return null;
        }
        for (String line : fields.replaceAll("\r?\n[ \t]+", " ").split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
