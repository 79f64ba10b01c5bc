package org.syncbridge.bench.scenario;

import java.util.List;
import java.util.Locale;
import org.syncbridge.bench.client.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * Synthetic contacts shaped like an address book's: names, mail, two phone numbers, company and work address.
 * Contact n is always the same, so runs compare; 12 fields, about 220 bytes of WBXML each.
 */
final class Contacts {
    private static final String C = "Contacts:";
    private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hugo", "Ida", "Jonas", "Klara", "Lukas"};
    private static final String[] LAST = {"Berg", "Schmidt", "Novak", "Rossi", "Dubois", "Jensen", "Kowalski", "Silva", "Meyer", "Larsen"};
    private static final String[] CITY = {"Berlin", "Hamburg", "Vienna", "Zurich", "Lyon", "Turin", "Gdansk", "Porto"};

    private Contacts() {
    }

    /** The ApplicationData of contact {@code n}, at its {@code revision} (0 when created; a change raises it). */
    static List<Element> contact(int n, int revision) {
        String first = FIRST[n % FIRST.length];
        String last = lastName(n);
        String mail = (first + "." + last).toLowerCase(Locale.ROOT) + "@example.com";
        return List.of(
                Wbxml.text(C, "FileAs", last + ", " + first),
                Wbxml.text(C, "FirstName", first),
                Wbxml.text(C, "LastName", last),
                Wbxml.text(C, "Email1Address", mail),
                Wbxml.text(C, "MobilePhoneNumber", String.format(Locale.ROOT, "+49 151 %08d", n)),
                Wbxml.text(C, "BusinessPhoneNumber", String.format(Locale.ROOT, "+49 30 %07d", n % 10_000_000)),
                Wbxml.text(C, "CompanyName", "Example " + LAST[n % LAST.length] + " GmbH"),
                Wbxml.text(C, "JobTitle", revision == 0 ? "Engineer" : "Engineer, revision " + revision),
                Wbxml.text(C, "BusinessAddressStreet", (n % 200 + 1) + " Main Street"),
                Wbxml.text(C, "BusinessAddressCity", CITY[n % CITY.length]),
                Wbxml.text(C, "BusinessAddressPostalCode", String.format(Locale.ROOT, "%05d", n % 100_000)),
                Wbxml.el(C, "Categories", Wbxml.text(C, "Category", n % 3 == 0 ? "Customers" : "Colleagues")));
    }

    /** Unique per contact, so a phone can tell which contact it got. */
    static String lastName(int n) {
        return LAST[(n / FIRST.length) % LAST.length] + "-" + n;
    }

    /** The JobTitle a phone should see for {@code revision}: the check that a change arrived whole. */
    static String jobTitle(int revision) {
        return revision == 0 ? "Engineer" : "Engineer, revision " + revision;
    }
}
