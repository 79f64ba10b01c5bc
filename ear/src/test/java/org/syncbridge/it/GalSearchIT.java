package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.text;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * The Global Address Book as a phone reaches it: users with directory cards, photos and certificates
 * set through the admin API, found by Search and resolved by ResolveRecipients over HTTPS with WBXML,
 * together with the caller's own contacts.
 */
class GalSearchIT extends ServerIT {
    static final String S = "Search:";
    static final String GAL = "GAL:";
    static final String RR = "ResolveRecipients:";
    static final String PASSWORD = "Gal-pw-1";
    static final String USERS = "api/admin/contexts/gal.test/users";

    static byte[] photo;

    @BeforeEach
    void directoryExists() {
        if (api.asMaster("GET", "api/admin/contexts/gal.test", null).statusCode() != 404) {
            return;
        }
        assertEquals(201, api.asMaster("POST", "api/admin/contexts", "{\"name\":\"gal.test\"}").statusCode());
        assertEquals(201, api.asMaster("POST", "api/admin/contexts", "{\"name\":\"gal-other.test\"}").statusCode());
        JsonObject anna = create("gal.test", user("anna", "Anna Maria Berg", "anna@gal.test")
                .add("aliases", Json.createArrayBuilder().add("a.berg@gal.test"))
                .add("directory", Json.createObjectBuilder().add("firstName", "Anna Maria").add("lastName", "Berg")
                        .add("title", "CTO").add("company", "Gal Ltd").add("office", "B 2.17").add("businessPhone", "+49 30 1234")
                        .add("mobilePhone", "+49 170 5555").add("homePhone", "+49 30 9876"))
                .add("certificates", Json.createArrayBuilder().add(certificate())));
        assertEquals("Anna Maria", anna.getJsonObject("directory").getString("firstName"));
        assertTrue(anna.getJsonArray("certificates").getJsonObject(0).getString("subject").contains("CN=Anna Berg"));
        create("gal.test", user("andreas", "Andreas Lind", "andreas@gal.test"));
        create("gal.test", user("annette", "Annette Kurz", "annette@gal.test").add("enabled", false));
        create("gal.test", user("carl", "Carl Frei", "carl@gal.test"));
        create("gal.test", user("nomail", "Anneliese Ohnepost", null));
        for (int i = 1; i <= 12; i++) {
            create("gal.test", user(String.format("pager%02d", i), String.format("Paging Person %02d", i),
                    String.format("pager%02d@gal.test", i)));
        }
        create("gal-other.test", user("anna", "Anna Anderswo", "anna@gal-other.test"));

        photo = jpeg();
        HttpResponse<byte[]> set = api.bytesAsMaster("PUT", USERS + "/anna/photo", "image/jpeg", photo);
        assertEquals(200, set.statusCode(), new String(set.body(), StandardCharsets.UTF_8));
    }

    private static JsonObjectBuilder user(String login, String displayName, String email) {
        JsonObjectBuilder user = Json.createObjectBuilder().add("login", login).add("password", PASSWORD).add("displayName", displayName);
        return email == null ? user : user.add("primaryEmail", email);
    }

    private JsonObject create(String context, JsonObjectBuilder user) {
        HttpResponse<String> created = api.asMaster("POST", "api/admin/contexts/" + context + "/users", user.build().toString());
        assertEquals(201, created.statusCode(), created.body());
        return Api.object(created);
    }

    static String certificate() {
        try (InputStream in = GalSearchIT.class.getResourceAsStream("/gal/anna-smime.b64")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] jpeg() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 32; i++) {
            image.setRGB(i, i, Color.ORANGE.getRGB());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, "jpg", out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    EasClient phone(String deviceId, String version) {
        EasClient device = new EasClient(EasClient.https(), "carl@gal.test", PASSWORD, deviceId, "iPhone", version);
        device.provision();
        return device;
    }

    // --- Search ---

    static Element searchRequest(String store, String query, Element... options) {
        List<Element> parts = new ArrayList<>(List.of(text(S, "Name", store)));
        if (query != null) {
            parts.add(text(S, "Query", query));
        }
        if (options.length > 0) {
            parts.add(el(S, "Options", options));
        }
        return el(S, "Search", el(S, "Store", parts.toArray(Element[]::new)));
    }

    static Element store(EasClient.Answer answer) {
        assertEquals(200, answer.status());
        assertEquals("1", answer.text(S, "Status"));
        return answer.root().child(Tag.of(S, "Response")).orElseThrow().child(Tag.of(S, "Store")).orElseThrow();
    }

    static Element search(EasClient phone, String query, Element... options) {
        Element store = store(phone.post("Search", searchRequest("GAL", query, options)));
        assertEquals("1", store.childText(Tag.of(S, "Status")).orElseThrow(), store.toString());
        return store;
    }

    /** Each result's GAL properties by name (the picture apart), in the order of the answer. */
    static List<Map<String, String>> results(Element store) {
        List<Map<String, String>> results = new ArrayList<>();
        for (Element result : store.children(Tag.of(S, "Result"))) {
            result.child(Tag.of(S, "Properties")).ifPresent(p -> {
                Map<String, String> properties = new LinkedHashMap<>();
                p.children().stream().filter(Element::hasText).forEach(e -> properties.put(e.tag().name(), e.text()));
                results.add(properties);
            });
        }
        return results;
    }

    static List<String> emails(Element store) {
        return results(store).stream().map(r -> r.get("EmailAddress")).filter(Objects::nonNull).toList();
    }

    @Test
    void aPrefixOfFirstNameLastNameAnyWordOfTheDisplayNameOrAnAddressFindsTheUser() {
        EasClient phone = phone("gal-find", "14.1");
        Element byFirst = search(phone, "Ann");
        assertEquals(List.of("anna@gal.test"), emails(byFirst),
                "not Annette (disabled), not the Anna of gal-other.test; Anneliese has no address but is listed");
        assertEquals(List.of("Anna Maria Berg", "Anneliese Ohnepost"), results(byFirst).stream().map(r -> r.get("DisplayName")).toList());
        assertEquals("2", byFirst.childText(Tag.of(S, "Total")).orElseThrow());

        Map<String, String> anna = results(byFirst).get(0);
        assertEquals("Anna Maria", anna.get("FirstName"));
        assertEquals("Berg", anna.get("LastName"));
        assertEquals("CTO", anna.get("Title"));
        assertEquals("Gal Ltd", anna.get("Company"));
        assertEquals("B 2.17", anna.get("Office"));
        assertEquals("+49 30 1234", anna.get("Phone"));
        assertEquals("+49 170 5555", anna.get("MobilePhone"));
        assertEquals("+49 30 9876", anna.get("HomePhone"));
        assertEquals("anna", anna.get("Alias"));

        assertEquals(List.of("anna@gal.test"), emails(search(phone, "berg")), "last name");
        assertEquals(List.of("anna@gal.test"), emails(search(phone, "MARIA b")), "a later word of the display name, any case");
        assertEquals(List.of("anna@gal.test"), emails(search(phone, "a.berg@")), "an alias");
        assertEquals(List.of("andreas@gal.test"), emails(search(phone, "andreas@gal")), "an address");
        Map<String, String> andreas = results(search(phone, "lind")).get(0);
        assertEquals("Andreas", andreas.get("FirstName"), "without a card the names come from the display name");
        assertEquals("Lind", andreas.get("LastName"));
        assertEquals(List.of(), emails(search(phone, "kurz")), "a disabled user is not in the address book");
        assertEquals(List.of(), emails(search(phone, "anderswo")), "nor a user of another context");
        Element none = search(phone, "zzz");
        assertEquals("0", none.childText(Tag.of(S, "Total")).orElseThrow());
        assertTrue(none.child(Tag.of(S, "Result")).isPresent(), "no match: one empty Result");
    }

    @Test
    void rangePagesTheMatchesAndTotalCountsThemAll() {
        EasClient phone = phone("gal-range", "14.1");
        Element first = search(phone, "paging", text(S, "Range", "0-4"));
        assertEquals(List.of("pager01@gal.test", "pager02@gal.test", "pager03@gal.test", "pager04@gal.test", "pager05@gal.test"),
                emails(first));
        assertEquals("0-4", first.childText(Tag.of(S, "Range")).orElseThrow());
        assertEquals("12", first.childText(Tag.of(S, "Total")).orElseThrow());
        Element last = search(phone, "paging", text(S, "Range", "10-19"));
        assertEquals(List.of("pager11@gal.test", "pager12@gal.test"), emails(last));
        assertEquals("10-11", last.childText(Tag.of(S, "Range")).orElseThrow());
        assertEquals("12", last.childText(Tag.of(S, "Total")).orElseThrow());
        assertEquals(12, results(search(phone, "paging")).size(), "the default range 0-99");
    }

    @Test
    void from141PhotosComeWithinMaxSizeAndMaxPictures() {
        EasClient phone = phone("gal-photo", "14.1");
        Element store = search(phone, "an", el(S, "Picture", text(S, "MaxSize", "102400"), text(S, "MaxPictures", "5")));
        Map<String, Element> pictures = pictures(store);
        assertEquals("1", pictures.get("anna@gal.test").childText(Tag.of(GAL, "Status")).orElseThrow());
        assertArrayEquals(photo, pictures.get("anna@gal.test").child(Tag.of(GAL, "Data")).orElseThrow().bytes());
        assertEquals("173", pictures.get("andreas@gal.test").childText(Tag.of(GAL, "Status")).orElseThrow(), "no photo");

        Map<String, Element> small = pictures(search(phone, "anna", el(S, "Picture", text(S, "MaxSize", "10"))));
        assertEquals("174", small.get("anna@gal.test").childText(Tag.of(GAL, "Status")).orElseThrow(), "larger than MaxSize");
        assertFalse(small.get("anna@gal.test").child(Tag.of(GAL, "Data")).isPresent());
        Map<String, Element> none = pictures(search(phone, "anna", el(S, "Picture", text(S, "MaxPictures", "0"))));
        assertEquals("175", none.get("anna@gal.test").childText(Tag.of(GAL, "Status")).orElseThrow(), "past MaxPictures");

        EasClient old = phone("gal-photo-140", "14.0");
        Element store140 = search(old, "anna", el(S, "Picture", text(S, "MaxSize", "102400")));
        assertFalse(store140.toString().contains("Picture"), "14.0 has no pictures: " + store140);
    }

    /** The gal:Picture of each result, by its e-mail address. */
    static Map<String, Element> pictures(Element store) {
        Map<String, Element> pictures = new LinkedHashMap<>();
        for (Element result : store.children(Tag.of(S, "Result"))) {
            Element properties = result.child(Tag.of(S, "Properties")).orElseThrow();
            properties.childText(Tag.of(GAL, "EmailAddress")).ifPresent(address ->
                    pictures.put(address, properties.child(Tag.of(GAL, "Picture")).orElseThrow()));
        }
        return pictures;
    }

    @Test
    void aMalformedQueryAndAStoreOtherThanTheGalGetStoreStatus2() {
        EasClient phone = phone("gal-bad", "14.1");
        for (Element request : List.of(searchRequest("GAL", null), searchRequest("GAL", " "),
                searchRequest("GAL", "anna", text(S, "Range", "9-1")), searchRequest("Mailbox", "anna"),
                searchRequest("DocumentLibrary", "anna"))) {
            Element store = store(phone.post("Search", request));
            assertEquals("2", store.childText(Tag.of(S, "Status")).orElseThrow(), request.toString());
            assertFalse(store.child(Tag.of(S, "Result")).isPresent());
        }
    }

    // --- ResolveRecipients ---

    static Element resolve(EasClient phone, List<String> to, Element... options) {
        List<Element> parts = new ArrayList<>();
        to.forEach(t -> parts.add(text(RR, "To", t)));
        if (options.length > 0) {
            parts.add(el(RR, "Options", options));
        }
        EasClient.Answer answer = phone.post("ResolveRecipients", el(RR, "ResolveRecipients", parts.toArray(Element[]::new)));
        assertEquals(200, answer.status());
        return answer.root();
    }

    static List<Element> responses(Element root) {
        assertEquals("1", root.childText(Tag.of(RR, "Status")).orElseThrow(), root.toString());
        return root.children(Tag.of(RR, "Response"));
    }

    static String field(Element parent, String name) {
        return parent.childText(Tag.of(RR, name)).orElse(null);
    }

    static List<Element> recipients(Element response) {
        return response.children(Tag.of(RR, "Recipient"));
    }

    @Test
    void anExactAddressOrAliasResolvesAnAmbiguousNameGetsSuggestionsAndAnUnknownOneNone() {
        EasClient phone = phone("gal-resolve", "14.1");
        List<Element> answers = responses(resolve(phone, List.of("anna@gal.test", "A.Berg@gal.test", "an", "nobody@nowhere.test")));
        assertEquals(4, answers.size());

        Element exact = answers.get(0);
        assertEquals("anna@gal.test", field(exact, "To"));
        assertEquals("1", field(exact, "Status"));
        assertEquals("1", field(exact, "RecipientCount"));
        Element anna = recipients(exact).get(0);
        assertEquals("1", field(anna, "Type"), "a GAL entry");
        assertEquals("Anna Maria Berg", field(anna, "DisplayName"));
        assertEquals("anna@gal.test", field(anna, "EmailAddress"));
        assertFalse(anna.child(Tag.of(RR, "Certificates")).isPresent(), "not asked for");

        assertEquals("anna@gal.test", field(recipients(answers.get(1)).get(0), "EmailAddress"), "an alias, any case");

        Element ambiguous = answers.get(2);
        assertEquals("2", field(ambiguous, "Status"));
        assertEquals("2", field(ambiguous, "RecipientCount"), "Anna and Andreas; not disabled Annette, not Anneliese without address");
        assertEquals(List.of("andreas@gal.test", "anna@gal.test"),
                recipients(ambiguous).stream().map(r -> field(r, "EmailAddress")).sorted().toList());

        assertEquals("4", field(answers.get(3), "Status"));
        assertTrue(recipients(answers.get(3)).isEmpty());

        Element partial = responses(resolve(phone, List.of("an"), text(RR, "MaxAmbiguousRecipients", "1"))).get(0);
        assertEquals("3", field(partial, "Status"));
        assertEquals("2", field(partial, "RecipientCount"));
        assertEquals(1, recipients(partial).size());
    }

    @Test
    void certificatesGoWithAResolvedRecipientWithinMaxCertificates() {
        EasClient phone = phone("gal-cert", "14.1");
        List<Element> answers = responses(resolve(phone, List.of("anna@gal.test", "andreas@gal.test"),
                text(RR, "CertificateRetrieval", "2")));
        Element certificates = recipients(answers.get(0)).get(0).child(Tag.of(RR, "Certificates")).orElseThrow();
        assertEquals("1", field(certificates, "Status"));
        assertEquals("1", field(certificates, "CertificateCount"));
        assertEquals(certificate(), field(certificates, "Certificate"));
        Element none = recipients(answers.get(1)).get(0).child(Tag.of(RR, "Certificates")).orElseThrow();
        assertEquals("7", field(none, "Status"), "Andreas has no certificate");

        Element limited = responses(resolve(phone, List.of("anna@gal.test"), text(RR, "CertificateRetrieval", "2"),
                text(RR, "MaxCertificates", "0"))).get(0);
        Element over = recipients(limited).get(0).child(Tag.of(RR, "Certificates")).orElseThrow();
        assertEquals("8", field(over, "Status"));
        assertEquals("1", field(over, "CertificateCount"), "the certificates not returned");
        assertNull(field(over, "Certificate"));
    }

    @Test
    void theCallersOwnContactsResolveToo() {
        EasClient phone = phone("gal-contacts", "14.1");
        phone.hierarchy = ActiveSyncIT.adds(phone.folderSync("0"));
        String contacts = SyncIT.collection(phone, "Contacts");
        String key = SyncIT.key(SyncIT.sync(phone, contacts, "0", null));
        SyncIT.sync(phone, contacts, key, null, SyncIT.add("z1", text(SyncIT.C, "FirstName", "Zoe"),
                text(SyncIT.C, "LastName", "Quell"), text(SyncIT.C, "FileAs", "Quell, Zoe"),
                text(SyncIT.C, "Email1Address", "\"Zoe Quell\" <Zoe@outside.test>")));

        List<Element> answers = responses(resolve(phone, List.of("zoe", "zoe@outside.test", "Quell")));
        for (Element answer : answers) {
            assertEquals("1", field(answer, "Status"), answer.toString());
            Element zoe = recipients(answer).get(0);
            assertEquals("2", field(zoe, "Type"), "a contact");
            assertEquals("Quell, Zoe", field(zoe, "DisplayName"));
            assertEquals("Zoe@outside.test", field(zoe, "EmailAddress"));
        }
        EasClient other = new EasClient(EasClient.https(), "andreas@gal.test", PASSWORD, "gal-contacts-other", "iPhone", "14.1");
        other.provision();
        assertEquals("4", field(responses(resolve(other, List.of("zoe"))).get(0), "Status"), "Carl's contacts are his own");
    }

    @Test
    void from141ARecipientsPhotoComesAlong() {
        EasClient phone = phone("gal-rr-photo", "14.1");
        Element picture = recipients(responses(resolve(phone, List.of("anna@gal.test"),
                el(RR, "Picture", text(RR, "MaxSize", "102400")))).get(0)).get(0).child(Tag.of(RR, "Picture")).orElseThrow();
        assertEquals("1", field(picture, "Status"));
        assertArrayEquals(photo, picture.child(Tag.of(RR, "Data")).orElseThrow().bytes());
    }

    @Test
    void aRequestOutsideTheSchemaGetsStatus5() {
        EasClient phone = phone("gal-rr-bad", "14.1");
        assertEquals("5", resolve(phone, List.of()).childText(Tag.of(RR, "Status")).orElseThrow());
        assertEquals("5", resolve(phone, List.of("anna"), text(RR, "CertificateRetrieval", "9"))
                .childText(Tag.of(RR, "Status")).orElseThrow());
    }

    // --- the admin API's side ---

    @Test
    void theAdminApiShowsTheCardChangesItAndRefusesWhatIsNotAPhotoOrACertificate() {
        JsonObject anna = Api.object(api.asMaster("GET", USERS + "/anna", null));
        assertEquals("CTO", anna.getJsonObject("directory").getString("title"));
        assertEquals(photo.length, anna.getInt("photoSize"));
        HttpResponse<byte[]> stored = api.bytesAsMaster("GET", USERS + "/anna/photo", null, null);
        assertEquals(200, stored.statusCode());
        assertArrayEquals(photo, stored.body());

        assertEquals(400, api.bytesAsMaster("PUT", USERS + "/andreas/photo", "image/jpeg",
                "GIF89a not a jpeg".getBytes(StandardCharsets.US_ASCII)).statusCode());
        byte[] huge = new byte[102_401];
        System.arraycopy(photo, 0, huge, 0, photo.length);
        assertEquals(400, api.bytesAsMaster("PUT", USERS + "/andreas/photo", "image/jpeg", huge).statusCode());
        assertEquals(400, api.asMaster("PATCH", USERS + "/andreas", "{\"certificates\":[\"bm90IGEgY2VydGlmaWNhdGU=\"]}").statusCode());

        create("gal.test", user("photoless", "Photo Less", "photoless@gal.test"));
        assertEquals(200, api.bytesAsMaster("PUT", USERS + "/photoless/photo", "image/jpeg", photo).statusCode());
        HttpResponse<byte[]> removed = api.bytesAsMaster("DELETE", USERS + "/photoless/photo", null, null);
        assertEquals(200, removed.statusCode());
        JsonObject without = Api.object(api.asMaster("GET", USERS + "/photoless", null));
        assertTrue(!without.containsKey("photoSize") || without.isNull("photoSize"), without.toString());
        assertEquals(404, api.bytesAsMaster("GET", USERS + "/photoless/photo", null, null).statusCode());

        JsonObject renamed = Api.object(api.asMaster("PATCH", USERS + "/photoless",
                "{\"displayName\":\"Umbenannt Person\",\"directory\":{\"title\":\"Lead\"}}"));
        assertEquals("Lead", renamed.getJsonObject("directory").getString("title"));
        EasClient phone = phone("gal-renamed", "14.1");
        assertEquals(List.of("photoless@gal.test"), emails(search(phone, "umbenannt")), "a new name is found at once");
        assertEquals(List.of(), emails(search(phone, "photo less")), "the old one no longer");
    }

    // --- an independent encoder ---

    @Test
    void aSearchEncodedByLibwbxmlGetsTheSameAnswerWhichLibwbxmlReads() throws Exception {
        EasClient phone = phone("gal-libwbxml", "14.1");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE ActiveSync PUBLIC \"-//MICROSOFT//DTD ActiveSync//EN\" \"http://www.microsoft.com/\">\n"
                + "<Search xmlns=\"Search:\"><Store><Name>GAL</Name><Query>paging</Query><Options><Range>0-2</Range></Options>"
                + "</Store></Search>";
        EasClient.Answer answer = phone.post("Search", searchRequest("GAL", "paging", text(S, "Range", "0-2")));
        Element own = answer.root();
        String decoded = wbxml2xml(answer.http().body());
        assertTrue(decoded.contains(">Paging Person 01</DisplayName>") && decoded.contains("<Total>12</Total>")
                && decoded.contains("<Range>0-2</Range>"), decoded);
        assertEquals(own, phone.post("Search", LibwbxmlClientIT.xml2wbxml(xml, false)).root());
        assertEquals(own, phone.post("Search", LibwbxmlClientIT.xml2wbxml(xml, true)).root());
        assertEquals(3, results(own.child(Tag.of(S, "Response")).orElseThrow().child(Tag.of(S, "Store")).orElseThrow()).size());
    }

    /** Decodes a response with libwbxml's wbxml2xml. */
    static String wbxml2xml(byte[] wbxml) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("wbxml2xml");
        try {
            Path in = Files.write(dir.resolve("in.wbxml"), wbxml);
            Path out = dir.resolve("out.xml");
            Process process = new ProcessBuilder("wbxml2xml", "-l", "ACTIVESYNC", "-o", out.toString(), in.toString())
                    .redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "wbxml2xml: " + printed);
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
