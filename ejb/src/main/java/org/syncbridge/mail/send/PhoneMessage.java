package org.syncbridge.mail.send;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MIME a phone sent, read only as far as sending needs: who it is from, whom it goes to (To, Cc and Bcc, with
 * groups opened), and where its parts are. Its bytes are sent as they came, apart from what {@link Composer} does.
 */
final class PhoneMessage {
    final MailBytes bytes;
    final MimeEntity root;

    private PhoneMessage(MailBytes bytes, MimeEntity root) {
        this.bytes = bytes;
        this.root = root;
    }

    static PhoneMessage parse(byte[] mime) throws InvalidMime {
        if (mime.length == 0) {
            throw new InvalidMime("the message is empty");
        }
        MailBytes bytes = MailBytes.of(mime);
        return new PhoneMessage(bytes, MimeEntity.message(bytes, true));
    }

    /** For tests: a message known to be MIME. */
    static PhoneMessage parseUnchecked(byte[] mime) {
        try {
            return parse(mime);
        } catch (InvalidMime e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The From addresses (normally one); none when the phone left From out. */
    List<InternetAddress> from() throws InvalidMime {
        return addresses("From");
    }

    /** The Sender address, which names the one who sent a mail from someone else's address; none when absent. */
    List<InternetAddress> sender() throws InvalidMime {
        return addresses("Sender");
    }

    /** Every To, Cc and Bcc address, each once (compared without case), in order: the SMTP envelope's recipients. */
    List<InternetAddress> envelope() throws InvalidMime {
        Map<String, InternetAddress> unique = new LinkedHashMap<>();
        for (String name : new String[] {"To", "Cc", "Bcc"}) {
            for (InternetAddress a : addresses(name)) {
                unique.putIfAbsent(a.getAddress().toLowerCase(Locale.ROOT), a);
            }
        }
        return List.copyOf(unique.values());
    }

    private List<InternetAddress> addresses(String field) throws InvalidMime {
        List<InternetAddress> found = new ArrayList<>();
        for (MimeEntity.Field f : root.fields(field)) {
            try {
                for (InternetAddress a : InternetAddress.parseHeader(f.value(), false)) {
                    if (a.isGroup()) {
                        for (InternetAddress member : a.getGroup(false)) {
                            add(found, member);
                        }
                    } else {
                        add(found, a);
                    }
                }
            } catch (AddressException e) {
                throw new InvalidMime("unreadable " + field + ": " + e.getMessage());
            }
        }
        return found;
    }

    private static void add(List<InternetAddress> found, InternetAddress a) throws InvalidMime {
        String address = a.getAddress();
        if (address == null || address.isBlank()) {
            return;
        }
        if (address.indexOf('@') <= 0 || address.endsWith("@")) {
            throw new InvalidMime("not an address: " + address);
        }
        found.add(a);
    }
}
