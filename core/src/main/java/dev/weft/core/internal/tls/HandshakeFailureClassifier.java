package dev.weft.core.internal.tls;

import dev.weft.core.tls.HandshakeFailure;
import java.nio.ByteBuffer;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import javax.net.ssl.SSLException;

/**
 * The one place that decides why a TLS handshake failed: by the type of the failure's causes
 * first; then by the TLS alert involved — named in the JDK's message (recent JDKs prefix every
 * fatal message with {@code "(alert_name)"}, and all report a received alert as
 * {@code "Received fatal alert: <name>"}, a format unchanged since JDK 1.4), or else read from the
 * alert record the engine sent when it went out before encryption started; and last by a short
 * table of the JDK's own message texts (consulted before the ambiguous {@code handshake_failure}
 * alert, which the JDK also sends for a missing client certificate under TLS 1.2) — each entry covered by a test, so that a JDK that
 * rewords one fails the build rather than silently counting {@link HandshakeFailure#OTHER}.
 */
final class HandshakeFailureClassifier {

    /** The TLS record content type of an alert. */
    static final int ALERT_RECORD = 21;

    /** The ambiguous alert: no shared parameters, or (JDK, TLS 1.2) no client certificate. */
    private static final int HANDSHAKE_FAILURE = 40;
    private static final String RECEIVED_ALERT = "Received fatal alert: ";

    /** Alert names (RFC 8446 section 6) by description number, as the JDK prints them. */
    private static final Map<String, Integer> ALERTS_BY_NAME = Map.ofEntries(
            Map.entry("close_notify", 0), Map.entry("user_canceled", 90),
            Map.entry("handshake_failure", 40), Map.entry("insufficient_security", 71),
            Map.entry("protocol_version", 70),
            Map.entry("bad_certificate", 42), Map.entry("unsupported_certificate", 43),
            Map.entry("certificate_revoked", 44), Map.entry("certificate_expired", 45),
            Map.entry("certificate_unknown", 46), Map.entry("unknown_ca", 48),
            Map.entry("certificate_required", 116), Map.entry("no_application_protocol", 120));

    /** The last resort: fragments of the JDK's messages for failures it sends no readable alert for. */
    private static final List<Map.Entry<String, HandshakeFailure>> MESSAGE_FRAGMENTS = List.of(
            Map.entry("no cipher suites in common", HandshakeFailure.NO_SHARED_CIPHER),
            Map.entry("No common named group", HandshakeFailure.NO_SHARED_CIPHER),
            Map.entry("not enabled or supported in server context", HandshakeFailure.PROTOCOL_VERSION),
            Map.entry("are not accepted by server preferences", HandshakeFailure.PROTOCOL_VERSION),
            Map.entry("Empty client certificate chain", HandshakeFailure.BAD_CERTIFICATE),
            Map.entry("Empty server certificate chain", HandshakeFailure.BAD_CERTIFICATE),
            Map.entry("No matching application layer protocols", HandshakeFailure.NO_APPLICATION_PROTOCOL));

    private HandshakeFailureClassifier() {
    }

    /**
     * Why the handshake failed with {@code failure}.
     *
     * @param sentAlert the description of the alert the engine sent in reply, when it was readable
     */
    static HandshakeFailure classify(SSLException failure, OptionalInt sentAlert) {
        if (hasCertificateCause(failure)) {
            return HandshakeFailure.BAD_CERTIFICATE;
        }
        OptionalInt alert = namedAlert(failure.getMessage());
        if (alert.isEmpty()) {
            alert = sentAlert;
        }
        if (alert.isPresent() && alert.getAsInt() != HANDSHAKE_FAILURE) {
            HandshakeFailure byAlert = ofAlert(alert.getAsInt());
            if (byAlert != HandshakeFailure.OTHER) {
                return byAlert;
            }
        }
        String message = String.valueOf(failure.getMessage());
        for (Map.Entry<String, HandshakeFailure> fragment : MESSAGE_FRAGMENTS) {
            if (message.contains(fragment.getKey())) {
                return fragment.getValue();
            }
        }
        // handshake_failure is also what the JDK sends for a missing client certificate in TLS 1.2,
        // which the message table has already recognised: otherwise it means nothing was shared
        return alert.isPresent() ? ofAlert(alert.getAsInt()) : HandshakeFailure.OTHER;
    }

    /** The reason an alert with {@code description} stands for. */
    static HandshakeFailure ofAlert(int description) {
        return switch (description) {
            case 70 -> HandshakeFailure.PROTOCOL_VERSION;
            case 40, 71 -> HandshakeFailure.NO_SHARED_CIPHER;
            case 42, 43, 44, 45, 46, 48, 116 -> HandshakeFailure.BAD_CERTIFICATE;
            case 120 -> HandshakeFailure.NO_APPLICATION_PROTOCOL;
            case 0, 90 -> HandshakeFailure.PEER_CLOSED;
            default -> HandshakeFailure.OTHER;
        };
    }

    /**
     * The description of the alert in {@code record} (an outgoing TLS record, from its position),
     * when it is a plaintext alert record; an encrypted one cannot be read.
     */
    static OptionalInt plaintextAlert(ByteBuffer record) {
        int at = record.position();
        if (record.remaining() >= 7 && (record.get(at) & 0xFF) == ALERT_RECORD
                && (record.get(at + 1) & 0xFF) == 3 && record.get(at + 3) == 0 && record.get(at + 4) == 2) {
            return OptionalInt.of(record.get(at + 6) & 0xFF);
        }
        return OptionalInt.empty();
    }

    /**
     * The alert a JDK message names: recent JDKs start every fatal message with the alert's name
     * in parentheses, {@code "(protocol_version) ..."}; all of them report a received alert as
     * {@code "Received fatal alert: <name>"}.
     */
    static OptionalInt namedAlert(String message) {
        if (message == null) {
            return OptionalInt.empty();
        }
        if (message.startsWith("(")) {
            int close = message.indexOf(") ");
            Integer byName = close > 1 ? ALERTS_BY_NAME.get(message.substring(1, close)) : null;
            if (byName != null) {
                return OptionalInt.of(byName);
            }
        }
        int received = message.indexOf(RECEIVED_ALERT);
        if (received >= 0) {
            Integer byName = ALERTS_BY_NAME.get(message.substring(received + RECEIVED_ALERT.length()).strip());
            if (byName != null) {
                return OptionalInt.of(byName);
            }
        }
        return OptionalInt.empty();
    }

    private static boolean hasCertificateCause(Throwable failure) {
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }
}
