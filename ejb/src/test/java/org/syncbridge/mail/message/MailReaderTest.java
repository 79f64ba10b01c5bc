package org.syncbridge.mail.message;

import jakarta.mail.Flags;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.mail.message.TestMails.*;

class MailReaderTest {

    private static Map<String, Object> read(String fixture, Flags flags, List<String> own) throws Exception {
        byte[] bytes = bytes(fixture);
        return reader().read(message(bytes), facts(bytes, flags), max -> new ByteArrayInputStream(bytes),
                BodyRequest.PLAIN, PREFIX, own);
    }

    @Test
    void addressesSubjectAndDatesAreDecoded() throws Exception {
        Map<String, Object> p = read("plain.eml", new Flags(), List.of("ann@example.com"));
        assertEquals("\"Ann Example\" <ann@example.com>, carl@example.net", p.get(EmailProperties.TO));
        assertEquals("\"Jörg Schäfer\" <joerg@example.de>", p.get(EmailProperties.CC));
        assertEquals("\"Bob Müller\" <bob@example.org>", p.get(EmailProperties.FROM));
        assertEquals("\"Assistant, Team\" <assistant@example.org>", p.get(EmailProperties.SENDER));
        assertEquals("replies@example.org", p.get(EmailProperties.REPLY_TO));
        assertFalse(p.containsKey(EmailProperties.BCC));
        assertEquals("Ann Example; carl@example.net", p.get(EmailProperties.DISPLAY_TO));
        assertEquals("Re: AW: Grüße aus Köln", p.get(EmailProperties.SUBJECT));
        assertEquals("Grüße aus Köln", p.get(EmailProperties.THREAD_TOPIC));
        assertEquals("2026-03-18T07:30:00Z", p.get(EmailProperties.DATE_RECEIVED));
        assertEquals("2", p.get(EmailProperties.IMPORTANCE));
        assertEquals("65001", p.get(EmailProperties.INTERNET_CPID));
        assertEquals("IPM.Note", p.get(EmailProperties.MESSAGE_CLASS));
        assertEquals("urn:content-classes:message", p.get(EmailProperties.CONTENT_CLASS));
        assertEquals("1", p.get(EmailProperties.NATIVE_BODY_TYPE));
        assertEquals("0", p.get(EmailProperties.RECEIVED_AS_BCC));
        ChosenBody body = body(p);
        assertEquals(BodyType.PLAIN, body.type());
        assertEquals("Hallo Ann,\r\n\r\ndie Grüße aus Köln: Straße, Maß, Öl.\r\nZweite Zeile mit  zwei Leerzeichen.\r\n\r\nBob\r\n",
                text(body));
        assertEquals(body.data().length, body.estimatedSize());
        assertFalse(body.truncated());
        assertTrue(attachments(p).isEmpty());
    }

    @Test
    void threadTopicDropsEveryReplyAndForwardPrefix() {
        assertEquals("Plan", MailReader.threadTopic("RE: Fwd: AW: WG: Re[2]: Plan"));
        assertEquals("Plan: next", MailReader.threadTopic("Fw:Plan: next"));
        assertEquals("Repair", MailReader.threadTopic("Repair"));
    }

    @Test
    void receivedAsBccWhenNoOwnAddressIsInToOrCc() throws Exception {
        assertEquals("1", read("plain.eml", new Flags(), List.of("dave@example.com")).get(EmailProperties.RECEIVED_AS_BCC));
        assertEquals("0", read("plain.eml", new Flags(), List.of("x@example.com", "JOERG@example.de"))
                .get(EmailProperties.RECEIVED_AS_BCC));
        assertFalse(read("plain.eml", new Flags(), List.of()).containsKey(EmailProperties.RECEIVED_AS_BCC));
    }

    @Test
    void importanceFromXPriorityAndDefault() throws Exception {
        assertEquals("0", read("html.eml", new Flags(), List.of()).get(EmailProperties.IMPORTANCE));
        assertEquals("1", read("alternative.eml", new Flags(), List.of()).get(EmailProperties.IMPORTANCE));
        byte[] urgent = crlf("X-Priority: 2\nSubject: x\n\nbody\n");
        assertEquals("2", TestMails.read(reader(), urgent, BodyRequest.PLAIN).get(EmailProperties.IMPORTANCE));
    }

    @Test
    void flagsAndKeywords() throws Exception {
        Flags flags = new Flags();
        flags.add(Flags.Flag.SEEN);
        flags.add(Flags.Flag.FLAGGED);
        flags.add(Flags.Flag.ANSWERED);
        for (String keyword : List.of("$Forwarded", "Projekt X", "$MDNSent", "$Junk", "$NotJunk", "NonJunk", "Junk",
                "$label1", "$MailFlagBit1", "privat")) {
            flags.add(keyword);
        }
        Map<String, Object> p = read("plain.eml", flags, List.of());
        assertEquals("1", p.get(EmailProperties.READ));
        assertEquals("2", p.get(EmailProperties.FLAG_STATUS));
        assertEquals("3", p.get(EmailProperties.LAST_VERB_EXECUTED));
        @SuppressWarnings("unchecked")
        List<String> categories = (List<String>) p.get(EmailProperties.CATEGORIES);
        assertEquals(List.of("Projekt X", "privat"), categories.stream().sorted().toList());

        Flags answered = new Flags(Flags.Flag.ANSWERED);
        Map<String, Object> q = read("plain.eml", answered, List.of());
        assertEquals("0", q.get(EmailProperties.READ));
        assertEquals("0", q.get(EmailProperties.FLAG_STATUS));
        assertEquals("1", q.get(EmailProperties.LAST_VERB_EXECUTED));
        assertEquals(List.of(), q.get(EmailProperties.CATEGORIES));
        assertEquals("0", read("plain.eml", new Flags(), List.of()).get(EmailProperties.LAST_VERB_EXECUTED));
    }

    @Test
    void conversationIdIsTheThreadRootsAndIndexGrowsWithDepth() throws Exception {
        Map<String, Object> reply = read("plain.eml", new Flags(), List.of());
        byte[] rootMd5 = MessageDigest.getInstance("MD5").digest("root-0@example.com".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(rootMd5, (byte[]) reply.get(EmailProperties.CONVERSATION_ID));

        byte[] rootMail = crlf("Message-ID: <root-0@example.com>\nDate: Mon, 09 Mar 2026 18:00:00 +0000\n"
                + "Subject: Grüße\n\nfirst\n");
        Map<String, Object> root = TestMails.read(reader(), rootMail, BodyRequest.PLAIN);
        assertArrayEquals(rootMd5, (byte[]) root.get(EmailProperties.CONVERSATION_ID));
        byte[] onlyInReplyTo = crlf("Message-ID: <x@y>\nIn-Reply-To: <root-0@example.com>\nSubject: a\n\nb\n");
        Map<String, Object> second = TestMails.read(reader(), onlyInReplyTo, BodyRequest.PLAIN);
        assertArrayEquals(rootMd5, (byte[]) second.get(EmailProperties.CONVERSATION_ID));

        byte[] rootIndex = (byte[]) root.get(EmailProperties.CONVERSATION_INDEX);
        assertArrayEquals(fileTimeHigh40(Instant.parse("2026-03-09T18:00:00Z")), rootIndex);
        byte[] replyIndex = (byte[]) reply.get(EmailProperties.CONVERSATION_INDEX);
        assertEquals(5 + 2 * 5, replyIndex.length); // two References: two response levels
        assertArrayEquals(fileTimeHigh40(Instant.parse("2026-03-10T08:15:00Z")), java.util.Arrays.copyOf(replyIndex, 5));
        assertEquals(5 + 5, ((byte[]) second.get(EmailProperties.CONVERSATION_INDEX)).length);
        assertArrayEquals(replyIndex, (byte[]) read("plain.eml", new Flags(), List.of()).get(EmailProperties.CONVERSATION_INDEX));
    }

    /** The 40 high bits of a FILETIME, most significant byte first (MS-OXOMSG Current FILETIME). */
    private static byte[] fileTimeHigh40(Instant t) {
        long ticks = t.toEpochMilli() * 10_000 + 116_444_736_000_000_000L;
        byte[] b = new byte[5];
        for (int i = 0; i < 5; i++) {
            b[i] = (byte) (ticks >>> (56 - 8 * i));
        }
        return b;
    }

    @Test
    void attachmentNamesInRfc2231AndRfc2047AndContentTypeName() throws Exception {
        List<MailAttachment> list = attachments(read("attachments.eml", new Flags(), List.of()));
        assertEquals(List.of("5:17:2", "5:17:3", "5:17:4", "5:17:5", "5:17:6"),
                list.stream().map(MailAttachment::fileReference).toList());
        assertEquals(List.of(NAME, NAME, NAME, "Bericht ä.pdf", "notes.txt"),
                list.stream().map(MailAttachment::displayName).toList());
        int pdf = AttachmentContent.find(load("attachments.eml"), "2").open().readAllBytes().length;
        for (MailAttachment a : list.subList(0, 4)) {
            assertEquals("application/pdf", a.contentType());
            assertEquals(1, a.method());
            assertFalse(a.inline());
            assertTrue(Math.abs(a.estimatedSize() - pdf) <= pdf * 0.03, a.estimatedSize() + " for " + pdf);
        }
        MailAttachment notes = list.get(4);
        assertEquals("text/plain", notes.contentType());
        assertEquals(11, notes.estimatedSize()); // "notes, 7bit": not encoded, exact
    }

    @Test
    void inlineImageIsListedAsInlineAndAlternativesAreNot() throws Exception {
        byte[] bytes = bytes("inline-image.eml");
        Map<String, Object> p = TestMails.read(reader(), bytes, wishes(MimeSupport.NEVER, new BodyWish(BodyType.HTML, -1, false, 0)));
        List<MailAttachment> list = attachments(p);
        assertEquals(2, list.size());
        MailAttachment logo = list.get(0);
        assertEquals(new MailAttachment("5:17:1.2", "logo.png", logo.estimatedSize(), 1, "logo@example.com", null, true,
                "image/png"), logo);
        MailAttachment report = list.get(1);
        assertEquals("5:17:2", report.fileReference());
        assertFalse(report.inline());
        assertEquals("2", p.get(EmailProperties.NATIVE_BODY_TYPE));
        assertTrue(text(body(p)).contains("src=\"cid:logo@example.com\""));
        assertEquals("Look: [logo]", text(body(TestMails.read(reader(), bytes, BodyRequest.PLAIN))).strip());
    }

    @Test
    void forwardedMessageIsOneAttachmentOfMethod5() throws Exception {
        List<MailAttachment> list = attachments(read("forwarded.eml", new Flags(), List.of()));
        assertEquals(1, list.size());
        MailAttachment fwd = list.get(0);
        assertEquals("5:17:2", fwd.fileReference());
        assertEquals(5, fwd.method());
        assertEquals("message/rfc822", fwd.contentType());
        assertEquals("Quarterly numbers – Q1.eml", fwd.displayName());
    }

    @Test
    void signedMailAsTextWithoutMimeSupportAndAsOriginalBytesWithIt() throws Exception {
        byte[] bytes = bytes("signed.eml");
        Map<String, Object> asText = TestMails.read(reader(), bytes, BodyRequest.PLAIN);
        assertEquals("IPM.Note.SMIME.MultipartSigned", asText.get(EmailProperties.MESSAGE_CLASS));
        assertEquals("4", asText.get(EmailProperties.NATIVE_BODY_TYPE));
        assertEquals("Signed text: Grüße aus Köln.", text(body(asText)).strip());
        List<MailAttachment> list = attachments(asText);
        assertEquals(1, list.size());
        assertEquals("smime.p7s", list.get(0).displayName());
        assertEquals("5:17:2", list.get(0).fileReference());

        Map<String, Object> asMime = TestMails.read(reader(), bytes, wishes(MimeSupport.SMIME_ONLY, BodyWish.PLAIN_WHOLE));
        ChosenBody mime = body(asMime);
        assertEquals(BodyType.MIME, mime.type());
        assertArrayEquals(bytes, mime.data());
        assertEquals(bytes.length, mime.estimatedSize());
        assertFalse(mime.truncated());
    }

    @Test
    void encryptedMailIsItsOwnAttachmentOrGoesAsMime() throws Exception {
        byte[] bytes = bytes("encrypted.eml");
        Map<String, Object> asText = TestMails.read(reader(), bytes, BodyRequest.PLAIN);
        assertEquals("IPM.Note.SMIME", asText.get(EmailProperties.MESSAGE_CLASS));
        assertEquals(0, body(asText).estimatedSize());
        List<MailAttachment> list = attachments(asText);
        assertEquals(1, list.size());
        assertEquals("smime.p7m", list.get(0).displayName());
        assertEquals("5:17:1", list.get(0).fileReference());
        ChosenBody mime = body(TestMails.read(reader(), bytes,
                wishes(MimeSupport.ALWAYS, new BodyWish(BodyType.HTML, 100, false, 0))));
        assertEquals(BodyType.MIME, mime.type());
        assertArrayEquals(bytes, mime.data());
    }

    @Test
    void deliveryAndReadReports() throws Exception {
        Map<String, Object> dsn = read("dsn.eml", new Flags(), List.of());
        assertEquals("REPORT.IPM.Note.NDR", dsn.get(EmailProperties.MESSAGE_CLASS));
        assertTrue(text(body(dsn)).startsWith("I'm sorry to have to inform you"));
        assertEquals(List.of("5:17:2", "5:17:3"), attachments(dsn).stream().map(MailAttachment::fileReference).toList());
        String failed = new String(bytes("dsn.eml"), StandardCharsets.UTF_8);
        for (String[] c : new String[][]{{"delivered", "REPORT.IPM.Note.DR"}, {"delayed", "REPORT.IPM.Note.Delayed.DR"},
                {"relayed", "REPORT.IPM.Note.Relayed.DR"}}) {
            byte[] other = failed.replace("Action: failed", "Action: " + c[0]).getBytes(StandardCharsets.UTF_8);
            assertEquals(c[1], TestMails.read(reader(), other, BodyRequest.PLAIN).get(EmailProperties.MESSAGE_CLASS));
        }
        assertEquals("REPORT.IPM.Note.IPNRN", read("mdn.eml", new Flags(), List.of()).get(EmailProperties.MESSAGE_CLASS));
        byte[] deleted = new String(bytes("mdn.eml"), StandardCharsets.UTF_8).replace("; displayed", "; deleted")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("REPORT.IPM.Note.IPNNRN", TestMails.read(reader(), deleted, BodyRequest.PLAIN).get(EmailProperties.MESSAGE_CLASS));
    }

    @Test
    void invitationIsReadByTheInvitationReaderAndNotListed() throws Exception {
        List<String> seen = new ArrayList<>();
        MailReader reader = new MailReader(ical -> {
            seen.add(ical);
            return Map.of("meetingRequest.uid", "meeting-42@example.com", "meetingRequest.location", "Room 1");
        });
        Map<String, Object> p = TestMails.read(reader, bytes("invitation.eml"), BodyRequest.PLAIN);
        assertEquals("IPM.Schedule.Meeting.Request", p.get(EmailProperties.MESSAGE_CLASS));
        assertEquals("urn:content-classes:calendarmessage", p.get(EmailProperties.CONTENT_CLASS));
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).startsWith("BEGIN:VCALENDAR\r\n"), seen.get(0));
        assertTrue(seen.get(0).contains("UID:meeting-42@example.com"));
        assertEquals("meeting-42@example.com", p.get("meetingRequest.uid"));
        assertEquals("Room 1", p.get("meetingRequest.location"));
        assertEquals("You are invited to Planning.", text(body(p)).strip());
        assertEquals(List.of("invite.ics"), attachments(p).stream().map(MailAttachment::displayName).toList());
        assertEquals("5:17:2", attachments(p).get(0).fileReference());
    }

    @Test
    void meetingResponsesAndCancellations() throws Exception {
        MailReader reader = new MailReader(ical -> Map.of()); // a reply may have no meetingRequest.* to add
        byte[] reply = bytes("reply.eml"); // no method parameter; PARTSTAT on a folded line after a quoted ';'
        assertEquals("IPM.Schedule.Meeting.Resp.Neg", TestMails.read(reader, reply, BodyRequest.PLAIN).get(EmailProperties.MESSAGE_CLASS));
        for (String[] c : new String[][]{{"ACCEPTED", "IPM.Schedule.Meeting.Resp.Pos"}, {"TENTATIVE", "IPM.Schedule.Meeting.Resp.Tent"}}) {
            byte[] other = new String(reply, StandardCharsets.UTF_8).replace("DECLINED", c[0]).getBytes(StandardCharsets.UTF_8);
            assertEquals(c[1], TestMails.read(reader, other, BodyRequest.PLAIN).get(EmailProperties.MESSAGE_CLASS));
        }
        byte[] cancel = crlf("Subject: Canceled: Planning\nMIME-Version: 1.0\nContent-Type: text/calendar; method=CANCEL\n\n"
                + "BEGIN:VCALENDAR\nMETHOD:CANCEL\nBEGIN:VEVENT\nUID:meeting-42@example.com\nEND:VEVENT\nEND:VCALENDAR\n");
        Map<String, Object> p = TestMails.read(reader, cancel, BodyRequest.PLAIN);
        assertEquals("IPM.Schedule.Meeting.Canceled", p.get(EmailProperties.MESSAGE_CLASS));
        assertTrue(attachments(p).isEmpty());
        byte[] publish = crlf("Subject: x\nMIME-Version: 1.0\nContent-Type: text/calendar\n\nBEGIN:VCALENDAR\nMETHOD:PUBLISH\nEND:VCALENDAR\n");
        Map<String, Object> q = TestMails.read(reader, publish, BodyRequest.PLAIN);
        assertEquals("IPM.Note", q.get(EmailProperties.MESSAGE_CLASS));
        assertEquals(List.of("5:17:1"), attachments(q).stream().map(MailAttachment::fileReference).toList());
    }

    @Test
    void anInvitationThatCannotBeReadIsANote() throws Exception {
        MailReader reader = new MailReader(ical -> {
            throw new IllegalArgumentException("broken iCalendar");
        });
        Map<String, Object> p = TestMails.read(reader, bytes("invitation.eml"), BodyRequest.PLAIN);
        assertEquals("IPM.Note", p.get(EmailProperties.MESSAGE_CLASS));
        assertEquals("urn:content-classes:message", p.get(EmailProperties.CONTENT_CLASS));
        assertNull(p.get("meetingRequest.uid"));
    }

    @Test
    void rawSourceOfAParsedMessageIsItsOriginalBytes() throws Exception {
        for (String fixture : List.of("plain.eml", "signed.eml", "attachments.eml", "html.eml")) {
            byte[] bytes = bytes(fixture);
            assertArrayEquals(bytes, RawSource.of(message(bytes)).open(-1).readAllBytes(), fixture);
        }
    }
}
