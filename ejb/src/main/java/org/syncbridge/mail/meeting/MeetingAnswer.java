package org.syncbridge.mail.meeting;

import java.util.Optional;

/** The user's answer to a meeting (MS-ASCMD UserResponse), with what it means in MS-ASCAL and in iCalendar. */
public enum MeetingAnswer {
    ACCEPT("3", "ACCEPTED", "Accepted"),
    TENTATIVE("2", "TENTATIVE", "Tentative"),
    DECLINE("4", "DECLINED", "Declined");

    /** MS-ASCAL ResponseType and AttendeeStatus. */
    final String responseType;
    /** RFC 5545 PARTSTAT. */
    public final String partStat;
    /** The subject prefix Exchange and Outlook use for the answer mail. */
    public final String subjectPrefix;

    MeetingAnswer(String responseType, String partStat, String subjectPrefix) {
        this.responseType = responseType;
        this.partStat = partStat;
        this.subjectPrefix = subjectPrefix;
    }

    /** MS-ASCMD 2.2.3.185: 1 accepted, 2 tentatively accepted, 3 declined. */
    public static Optional<MeetingAnswer> ofUserResponse(String value) {
        return Optional.ofNullable(switch (String.valueOf(value).trim()) {
            case "1" -> ACCEPT;
            case "2" -> TENTATIVE;
            case "3" -> DECLINE;
            default -> null;
        });
    }
}
