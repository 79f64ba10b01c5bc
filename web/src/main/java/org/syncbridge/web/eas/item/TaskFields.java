package org.syncbridge.web.eas.item;

import static org.syncbridge.web.eas.ProtocolVersion.V12_0;
import static org.syncbridge.web.eas.ProtocolVersion.V14_0;
import static org.syncbridge.web.eas.ProtocolVersion.V14_1;
import static org.syncbridge.web.eas.ProtocolVersion.V2_5;
import static org.syncbridge.web.eas.item.ItemField.date;
import static org.syncbridge.web.eas.item.ItemField.group;
import static org.syncbridge.web.eas.item.ItemField.list;
import static org.syncbridge.web.eas.item.ItemField.text;

import java.util.List;
import org.syncbridge.web.eas.ProtocolVersion;

/**
 * The Tasks class (MS-ASTASK). StartDate and DueDate are the task's local dates and travel as the
 * client wrote them; the Utc variants are instants. A recurrence is stored as "recurrence.*".
 */
public final class TaskFields {
    private static final String T = "Tasks:";

    public static final List<ItemField> TABLE = List.of(
            list(T, "Categories", "Category", V2_5), text(T, "Complete", V2_5), date(T, "DateCompleted", V2_5),
            text(T, "DueDate", V2_5), date(T, "UtcDueDate", V2_5), text(T, "Importance", V2_5),
            group(T, "Recurrence", V2_5, text(T, "Type", V2_5), text(T, "Start", V2_5), text(T, "Until", V2_5),
                    text(T, "Occurrences", V2_5), text(T, "Interval", V2_5), text(T, "DayOfMonth", V2_5),
                    text(T, "DayOfWeek", V2_5), text(T, "WeekOfMonth", V2_5), text(T, "MonthOfYear", V2_5),
                    text(T, "Regenerate", V2_5), text(T, "DeadOccur", V2_5), text(T, "CalendarType", V14_0),
                    text(T, "IsLeapMonth", V14_0), text(T, "FirstDayOfWeek", V14_1)),
            text(T, "ReminderSet", V2_5), date(T, "ReminderTime", V2_5), text(T, "Sensitivity", V2_5),
            text(T, "StartDate", V2_5), date(T, "UtcStartDate", V2_5), text(T, "Subject", V2_5),
            text(T, "OrdinalDate", V2_5), text(T, "SubOrdinalDate", V2_5), text(T, "Body", V2_5).until(V2_5).as("body"));

    /** Tasks carry their note as AirSyncBase Body from 12.0 (as Tasks Body in 2.5). */
    public static final ProtocolVersion BODY_SINCE = V12_0;

    private TaskFields() {
    }
}
