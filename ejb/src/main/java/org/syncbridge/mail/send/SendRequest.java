package org.syncbridge.mail.send;

import org.syncbridge.mail.MailLogin;

/**
 * One message a device submits, protocol-neutral: SendMail, SmartReply or SmartForward in either EAS wire form, and
 * a message the server itself builds for a user (an iMIP reply: kind NEW, no ClientId).
 *
 * @param mime            the message as the device sent it
 * @param clientId        the device's id for this message (EAS 14.0+), null when none; a repeat is submitted once
 * @param saveInSentAsked whether the device asked for a copy in Sent (SaveInSentItems, SaveInSent=T)
 * @param source          the mail replied to or forwarded; null for a new message
 * @param replaceMime     the message is complete: the original is not added to it
 * @param accountId       the AccountId the device named, null when none
 */
public record SendRequest(long userId, String contextName, long deviceId, MailLogin login, byte[] mime, String clientId,
                          boolean saveInSentAsked, Kind kind, Source source, boolean replaceMime, String accountId) {

    public enum Kind { NEW, REPLY, FORWARD }

    /**
     * The mail a SmartReply or SmartForward answers: FolderId and ItemId (the ServerId the device knows), or a
     * LongId from Search; InstanceId names an occurrence of a calendar item.
     */
    public record Source(String folderId, String itemId, String longId, String instanceId) {
    }
}
