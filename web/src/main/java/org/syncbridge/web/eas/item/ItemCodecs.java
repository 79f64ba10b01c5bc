package org.syncbridge.web.eas.item;

import java.util.Map;
import org.syncbridge.persistence.pim.ItemClass;

/** The codec of each item class and the class's name in AirSync:Class. */
public final class ItemCodecs {
    private static final Map<ItemClass, ItemCodec> CODECS = Map.of(
            ItemClass.CONTACT, new ItemCodec(ContactFields.TABLE, ContactFields.BODY_SINCE),
            ItemClass.TASK, new ItemCodec(TaskFields.TABLE, TaskFields.BODY_SINCE),
            ItemClass.EVENT, new ItemCodec(CalendarFields.TABLE, CalendarFields.BODY_SINCE));
    private static final Map<ItemClass, String> NAMES = Map.of(
            ItemClass.CONTACT, "Contacts", ItemClass.TASK, "Tasks", ItemClass.EVENT, "Calendar");

    private ItemCodecs() {
    }

    public static ItemCodec of(ItemClass itemClass) {
        return CODECS.get(itemClass);
    }

    public static String className(ItemClass itemClass) {
        return NAMES.get(itemClass);
    }
}
