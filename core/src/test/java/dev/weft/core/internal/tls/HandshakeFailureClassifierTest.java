package dev.weft.core.internal.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.tls.HandshakeFailure;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.util.OptionalInt;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The classification table itself, from the messages JDKs print: both the form of JDK 21 and
 * earlier ({@code "no cipher suites in common"}) and the alert-prefixed form of later JDKs
 * ({@code "(handshake_failure) no cipher suites in common"}). The handshake tests check the same
 * outcomes end to end with the JDK the build runs on.
 */
class HandshakeFailureClassifierTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "no cipher suites in common                                                 | NO_SHARED_CIPHER",
        "(handshake_failure) no cipher suites in common                             | NO_SHARED_CIPHER",
        "No common named group                                                      | NO_SHARED_CIPHER",
        "(unexpected_message) No common named group                                 | NO_SHARED_CIPHER",
        "Client requested protocol TLSv1.1 is not enabled or supported in server context | PROTOCOL_VERSION",
        "(protocol_version) Client requested protocol TLSv1 is not enabled or supported in server context | PROTOCOL_VERSION",
        "The client supported protocol versions [TLSv1.1] are not accepted by server preferences [TLSv1.3, TLSv1.2] | PROTOCOL_VERSION",
        "Empty client certificate chain                                             | BAD_CERTIFICATE",
        "(certificate_required) Empty client certificate chain                      | BAD_CERTIFICATE",
        "Received fatal alert: certificate_unknown                                  | BAD_CERTIFICATE",
        "(certificate_unknown) Received fatal alert: certificate_unknown            | BAD_CERTIFICATE",
        "Received fatal alert: unknown_ca                                           | BAD_CERTIFICATE",
        "Received fatal alert: protocol_version                                     | PROTOCOL_VERSION",
        "Received fatal alert: handshake_failure                                    | NO_SHARED_CIPHER",
        "No matching application layer protocols                                    | NO_APPLICATION_PROTOCOL",
        "(no_application_protocol) No matching application layer protocol values   | NO_APPLICATION_PROTOCOL",
        "Received fatal alert: user_canceled                                        | PEER_CLOSED",
        "(unexpected_message) Unexpected handshake message: finished                | OTHER",
        "Received fatal alert: decode_error                                         | OTHER",
        "Unsupported or unrecognized SSL message                                    | OTHER",
    })
    void jdkMessagesAreClassified(String message, HandshakeFailure expected) {
        assertEquals(expected, HandshakeFailureClassifier.classify(new SSLHandshakeException(message.strip()), OptionalInt.empty()));
    }

    @Test
    void aCertificateExceptionAmongTheCausesMeansBadCertificateWhateverTheMessage() {
        SSLException failure = new SSLHandshakeException("PKIX path building failed");
        failure.initCause(new RuntimeException(new CertificateException("unable to find valid certification path")));
        assertEquals(HandshakeFailure.BAD_CERTIFICATE, HandshakeFailureClassifier.classify(failure, OptionalInt.empty()));
    }

    @Test
    void theAlertSentDecidesWhenTheMessageSaysNothing() {
        SSLException vague = new SSLHandshakeException("something went wrong");
        assertEquals(HandshakeFailure.PROTOCOL_VERSION, HandshakeFailureClassifier.classify(vague, OptionalInt.of(70)));
        assertEquals(HandshakeFailure.NO_SHARED_CIPHER, HandshakeFailureClassifier.classify(vague, OptionalInt.of(40)));
        assertEquals(HandshakeFailure.BAD_CERTIFICATE, HandshakeFailureClassifier.classify(vague, OptionalInt.of(116)));
        assertEquals(HandshakeFailure.OTHER, HandshakeFailureClassifier.classify(vague, OptionalInt.of(50)));
    }

    @Test
    void aHandshakeFailureAlertForAMissingClientCertificateIsABadCertificate() {
        SSLException tls12 = new SSLHandshakeException("Empty client certificate chain");
        assertEquals(HandshakeFailure.BAD_CERTIFICATE, HandshakeFailureClassifier.classify(tls12, OptionalInt.of(40)));
    }

    @Test
    void onlyAPlaintextAlertRecordIsRead() {
        assertEquals(OptionalInt.of(70), HandshakeFailureClassifier.plaintextAlert(ByteBuffer.wrap(new byte[] {21, 3, 3, 0, 2, 2, 70})));
        assertEquals(OptionalInt.empty(), HandshakeFailureClassifier.plaintextAlert(ByteBuffer.wrap(new byte[] {23, 3, 3, 0, 19, 1, 2})));
        assertEquals(OptionalInt.empty(), HandshakeFailureClassifier.plaintextAlert(ByteBuffer.wrap(new byte[] {21, 3, 3})));
    }
}
