package org.syncbridge.tenant;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.syncbridge.directory.SmimeCertificates;
import org.syncbridge.persistence.tenant.DirectoryCard;

/** Between the admin API's directory fields and the stored card, and what it shows of certificates. */
final class DirectoryCards {
    private DirectoryCards() {
    }

    static DirectoryEntry entry(DirectoryCard c) {
        return new DirectoryEntry(c.getFirstName(), c.getLastName(), c.getTitle(), c.getCompany(), c.getOffice(),
                c.getBusinessPhone(), c.getMobilePhone(), c.getHomePhone());
    }

    /** The card with the fields the change names: a value replaces, "" clears, null keeps. */
    static DirectoryCard changed(DirectoryCard old, DirectoryEntry change) {
        return new DirectoryCard(
                field(change.firstName(), old.getFirstName(), 255, "directory.firstName"),
                field(change.lastName(), old.getLastName(), 255, "directory.lastName"),
                field(change.title(), old.getTitle(), 255, "directory.title"),
                field(change.company(), old.getCompany(), 255, "directory.company"),
                field(change.office(), old.getOffice(), 255, "directory.office"),
                field(change.businessPhone(), old.getBusinessPhone(), 64, "directory.businessPhone"),
                field(change.mobilePhone(), old.getMobilePhone(), 64, "directory.mobilePhone"),
                field(change.homePhone(), old.getHomePhone(), 64, "directory.homePhone"));
    }

    static CertificateInfo certificateInfo(String stored) {
        X509Certificate c = SmimeCertificates.parse(stored);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return new CertificateInfo(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                    c.getSerialNumber().toString(16), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(),
                    HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("a stored certificate cannot be shown", e);
        }
    }

    private static String field(String change, String old, int maxLength, String name) {
        return change == null ? old : InputRules.optionalText(change.trim(), maxLength, name);
    }
}
