package org.syncbridge.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    private static void rejected(Runnable check) {
        RequestRejected e = assertThrows(RequestRejected.class, check::run);
        assertEquals(RequestRejected.Reason.INVALID, e.reason());
    }

    @Test
    void loginNamesCannotHoldTheCharactersThatSplitLogins() {
        assertEquals("Alice.Smith-1", InputRules.loginName("Alice.Smith-1"));
        for (String bad : new String[] {null, "", "a@b", "a\\b", "a:b", "a b", "a\tb", "x".repeat(129)}) {
            rejected(() -> InputRules.loginName(bad));
        }
    }

    @Test
    void domainsAreLowerCasedAndMustLookLikeDomains() {
        assertEquals(Set.of("example.org", "mail.example.org"), InputRules.domains(List.of("Example.ORG", " mail.example.org ")));
        rejected(() -> InputRules.domains(List.of("exa mple.org")));
        rejected(() -> InputRules.domains(List.of("")));
        rejected(() -> InputRules.domains(List.of("a..b")));
    }

    @Test
    void contextNames() {
        assertEquals("defaultcontext", InputRules.contextName("defaultcontext"));
        rejected(() -> InputRules.contextName("bad name"));
        rejected(() -> InputRules.contextName(".hidden"));
    }

    @Test
    void addressesAndPasswords() {
        assertEquals("a@b.example", InputRules.address("a@b.example"));
        rejected(() -> InputRules.address("no-at-sign"));
        rejected(() -> InputRules.address("two@@signs"));
        rejected(() -> InputRules.password(""));
        rejected(() -> InputRules.password("p".repeat(1025)));
        rejected(() -> InputRules.body(null));
    }

    @Test
    void photosAreJpegsOfAtMost100Kilobytes() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
        assertEquals(jpeg, InputRules.jpeg(jpeg));
        rejected(() -> InputRules.jpeg("GIF89a".getBytes()));
        rejected(() -> InputRules.jpeg(new byte[0]));
        byte[] large = new byte[102_401];
        large[0] = (byte) 0xFF;
        large[1] = (byte) 0xD8;
        large[2] = (byte) 0xFF;
        rejected(() -> InputRules.jpeg(large));
    }

    @Test
    void certificatesAreCheckedCountedAndKeptOnce() throws Exception {
        String anna = org.syncbridge.directory.SmimeCertificatesTest.resource("anna-smime.b64");
        assertEquals(List.of(anna), InputRules.certificates(List.of(anna, anna.replaceAll("(.{76})", "$1\n"))));
        rejected(() -> InputRules.certificates(List.of("bm90IGEgY2VydGlmaWNhdGU=")));
        rejected(() -> InputRules.certificates(java.util.Collections.nCopies(11, anna)));
    }
}
