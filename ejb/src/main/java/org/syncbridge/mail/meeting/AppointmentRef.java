package org.syncbridge.mail.meeting;

/** An appointment in a user's calendar: the folder (the collection's ServerId) and the item (the item's ServerId). */
public record AppointmentRef(long folderId, long itemId) {
}
