package org.syncbridge.directory;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;

/** S/MIME certificates as the admin gives them and senders receive them: one DER X.509 certificate in base64. */
public final class SmimeCertificates {
    public static final int MAX_PER_USER = 10;
    /** Far above any real S/MIME certificate (1–3 KB), below the column's base64 length. */
    public static final int MAX_DER_BYTES = 16_384;

    private SmimeCertificates() {
    }

    /**
     * The certificate in base64 (line breaks allowed), checked to be exactly one DER X.509 certificate.
     *
     * @throws IllegalArgumentException with the reason, if it is not
     */
    public static X509Certificate parse(String base64) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a certificate is not base64");
        }
        if (der.length == 0 || der.length > MAX_DER_BYTES) {
            throw new IllegalArgumentException("a certificate must be 1-" + MAX_DER_BYTES + " bytes of DER");
        }
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            if (!Arrays.equals(certificate.getEncoded(), der)) {
                throw new IllegalArgumentException("a certificate is not exactly one DER-encoded X.509 certificate");
            }
            return certificate;
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("a certificate is not a DER-encoded X.509 certificate");
        }
    }

    /** The form stored and sent: base64 of the DER, without line breaks. */
    public static String canonical(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
    }

    /** Whether a stored certificate is within its validity period now; senders get only those. */
    public static boolean validAt(String storedBase64, Instant when) {
        try {
            parse(storedBase64).checkValidity(Date.from(when));
            return true;
        } catch (CertificateExpiredException | CertificateNotYetValidException | IllegalArgumentException e) {
            return false;
        }
    }
}
