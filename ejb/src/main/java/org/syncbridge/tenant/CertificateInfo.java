package org.syncbridge.tenant;

import java.time.Instant;

/** A user's S/MIME certificate as the admin API shows it; the certificate itself only goes to senders. */
public record CertificateInfo(String subject, String issuer, String serialNumber, Instant notBefore, Instant notAfter,
                              String sha256) {
}
