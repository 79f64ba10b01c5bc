package org.syncbridge.web.eas.wbxml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Debian's libwbxml tools, run as processes, and the documented ways libwbxml differs from the codec
 * ({@code libwbxml-differences.txt}).
 */
public final class Libwbxml {
    /** What libwbxml prints for a token it does not know. */
    static final String UNKNOWN = "unknown";

    private final Map<String, String> namespaces = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Set<String> base64 = new HashSet<>();
    private final Map<String, String> extras = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    public Libwbxml() {
        try (InputStream in = Libwbxml.class.getResourceAsStream("libwbxml-differences.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] words = line.trim().split("\\s+");
                switch (words[0]) {
                    case "namespace" -> namespaces.put(words[1], words[2]);
                    case "name" -> names.put(words[1] + words[2], words[3]);
                    case "base64" -> base64.add(words[1] + words[2]);
                    case "extra" -> extras.put(words[1] + " " + words[2], words[3]);
                    default -> {
                        if (!words[0].isEmpty() && !words[0].startsWith("#")) {
                            throw new IllegalStateException("libwbxml-differences.txt: " + line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name libwbxml gives a tag. */
    String name(Tag tag) {
        for (String key : List.of(tag.toString(), tag.namespace() + "*")) {
            if (names.containsKey(key)) {
                used.add("name " + key);
                return names.get(key);
            }
        }
        return tag.name();
    }

    String namespace(Tag tag) {
        if (namespaces.containsKey(tag.namespace())) {
            used.add("namespace " + tag.namespace());
            return namespaces.get(tag.namespace());
        }
        return tag.namespace();
    }

    /** The text libwbxml prints for an element, as an XML parser reads it back. */
    String printedText(Element element) {
        if (element.isOpaque() && base64.contains(element.tag().toString())) {
            used.add("base64 " + element.tag());
            return Base64.getEncoder().encodeToString(element.bytes());
        }
        return printed(element.isOpaque() ? new String(element.bytes(), StandardCharsets.UTF_8) : element.text());
    }

    /**
     * libwbxml strips leading and trailing white space from text (a Data of "\r\n" prints as
     * {@code <Data></Data>}), and an XML parser reads CR LF and CR as LF.
     */
    static String printed(String text) {
        return text.replaceAll("^[ \\t\\n\\r\\f\\u000B]+|[ \\t\\n\\r\\f\\u000B]+$", "").replaceAll("\\r\\n?", "\n");
    }

    /** The tree as it reads back after a trip through libwbxml's XML: text as {@link #printed(String)}. */
    static Element readBack(Element tree) {
        if (tree.hasText()) {
            String text = printed(tree.text());
            return text.isEmpty() ? Element.empty(tree.tag()) : Element.text(tree.tag(), text);
        }
        if (tree.children().isEmpty()) {
            return tree;
        }
        return Element.of(tree.tag(), tree.children().stream().map(Libwbxml::readBack).toList());
    }

    /** The documented name libwbxml gives a token the code pages lack, or null if none is documented. */
    String extra(int page, int token) {
        String key = CodePages.namespace(page) + " " + String.format("%02X", token);
        if (extras.containsKey(key)) {
            used.add("extra " + key);
        }
        return extras.get(key);
    }

    /** The documented differences of these kinds ("name", "extra"...) that no comparison has needed. */
    Set<String> unused(String... kinds) {
        Set<String> all = new TreeSet<>();
        namespaces.keySet().forEach(key -> all.add("namespace " + key));
        names.keySet().forEach(key -> all.add("name " + key));
        base64.forEach(key -> all.add("base64 " + key));
        extras.keySet().forEach(key -> all.add("extra " + key));
        all.removeAll(used);
        all.removeIf(difference -> !List.of(kinds).contains(difference.substring(0, difference.indexOf(' '))));
        return all;
    }

    /** Where libwbxml reads {@code ours} differently from the codec, beyond the documented differences. */
    public List<String> differences(Element ours, org.w3c.dom.Element theirs) {
        List<String> found = new ArrayList<>();
        compare(ours, theirs, "", found);
        return found;
    }

    private void compare(Element ours, org.w3c.dom.Element theirs, String parent, List<String> found) {
        String path = parent + "/" + ours.tag();
        String name = name(ours.tag());
        if (!name.equals(theirs.getLocalName())) {
            found.add(path + ": libwbxml names it " + theirs.getLocalName() + ", expected " + name);
        }
        if (!name.equals(UNKNOWN) && !namespace(ours.tag()).equals(theirs.getNamespaceURI())) {
            found.add(path + ": libwbxml puts it in " + theirs.getNamespaceURI());
        }
        List<org.w3c.dom.Element> children = children(theirs);
        if (children.size() != ours.children().size()) {
            found.add(path + ": " + ours.children().size() + " children, libwbxml reads " + children.size());
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            compare(ours.children().get(i), children.get(i), path, found);
        }
        if (children.isEmpty() && !printedText(ours).equals(theirs.getTextContent())) {
            found.add(path + ": text '" + printedText(ours) + "', libwbxml reads '" + theirs.getTextContent() + "'");
        }
    }

    /** The child elements of an element libwbxml wrote. */
    public static List<org.w3c.dom.Element> children(org.w3c.dom.Element parent) {
        List<org.w3c.dom.Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof org.w3c.dom.Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /** Whether Debian's tools are on the PATH (the build installs them where it may: ensure-libwbxml.sh). */
    public static boolean installed() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "wbxml2xml"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code wbxml2xml -l ACTIVESYNC}, compact, read back with an XML parser. */
    public static org.w3c.dom.Element wbxml2xml(Path wbxml, Path workDirectory) throws IOException {
        Path xml = workDirectory.resolve("wbxml2xml.xml");
        run("wbxml2xml", "-l", "ACTIVESYNC", "-m", "0", "-o", xml.toString(), wbxml.toString());
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // its DOCTYPE names http://www.microsoft.com/, which is no DTD
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(xml)))
                    .getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("wbxml2xml wrote XML that does not parse, from " + wbxml, e);
        }
    }

    /**
     * {@code xml2wbxml -v 1.3 -a}, which writes ActiveSync's header; {@code -n} leaves out the string table,
     * which it otherwise fills with repeated strings and refers to with {@code STR_T}.
     */
    static byte[] xml2wbxml(Path xml, boolean stringTable, Path workDirectory) throws IOException {
        Path wbxml = workDirectory.resolve("xml2wbxml.wbxml");
        List<String> command = new ArrayList<>(List.of("xml2wbxml", "-v", "1.3", "-a"));
        if (!stringTable) {
            command.add("-n");
        }
        command.addAll(List.of("-o", wbxml.toString(), xml.toString()));
        run(command.toArray(String[]::new));
        return Files.readAllBytes(wbxml);
    }

    private static void run(String... command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command[0] + " is missing: install Debian's libwbxml2-utils"
                    + " (web/src/test/scripts/ensure-libwbxml.sh does it before the tests)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
