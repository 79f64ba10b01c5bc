package org.syncbridge.web.eas.item;

import java.util.Map;
import org.syncbridge.persistence.pim.ItemClass;

/** The codec of each item class and the class's name in AirSync:Class. */
public final class ItemCodecs {
    private static final Map<ItemClass, ItemCodec> CODECS = Map.of(
            ItemClass.CONTACT, new ItemCodec(ContactFields.TABLE, ContactFields.BODY_SINCE),
            ItemClass.TASK, new ItemCodec(TaskFields.TABLE, TaskFields.BODY_SINCE),
            ItemClass.EVENT, new ItemCodec(CalendarFields.TABLE, CalendarFields.BODY_SINCE, CalendarFields.GHOSTING),
            ItemClass.EMAIL, new ItemCodec(EmailFields.TABLE));
    private static final Map<ItemClass, String> NAMES = Map.of(
            ItemClass.CONTACT, "Contacts", ItemClass.TASK, "Tasks", ItemClass.EVENT, "Calendar", ItemClass.EMAIL, "Email");
    private static final ItemCodec MAIL_CHANGE = new ItemCodec(EmailFields.CHANGE);
    private static final ItemCodec DRAFT = new ItemCodec(EmailFields.DRAFT);
    private static final ItemCodec FIND_RESULT = new ItemCodec(FindFields.TABLE);

    private ItemCodecs() {
    }

    /** What the server writes of an item of this class (for mail: everything it sends). */
    public static ItemCodec of(ItemClass itemClass) {
        return CODECS.get(itemClass);
    }

    public static String className(ItemClass itemClass) {
        return NAMES.get(itemClass);
    }

    /** Reads a phone's Change of a mail it received: only what it may change (read, flag, categories). */
    public static ItemCodec mailChange() {
        return MAIL_CHANGE;
    }

    /** Reads a 16.0 phone's Add or Change in the Drafts folder: recipients, subject, importance, body, attachments. */
    public static ItemCodec draft() {
        return DRAFT;
    }

    /** Writes a mail as a Find result shows it (16.1): its summary. */
    public static ItemCodec findResult() {
        return FIND_RESULT;
    }
}
