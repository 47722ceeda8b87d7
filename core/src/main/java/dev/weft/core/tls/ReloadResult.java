package dev.weft.core.tls;

import java.util.List;
import java.util.Objects;

/**
 * What a certificate reload did. Whatever it did, connections already established are untouched:
 * they keep the keys they agreed on.
 */
public sealed interface ReloadResult {

    /**
     * The files had changed and loaded: handshakes from now on use the new certificates.
     *
     * @param fingerprint the SHA-256 fingerprint of the new default certificate
     * @param warnings    what is worth an operator's look but does not stop loading (a certificate
     *                    expired, expiring soon or not yet valid); each was also logged at WARN
     */
    record Reloaded(String fingerprint, List<String> warnings) implements ReloadResult {
        /** Checks that nothing is null and copies the warnings. */
        public Reloaded {
            Objects.requireNonNull(fingerprint, "fingerprint");
            warnings = List.copyOf(warnings);
        }
    }

    /** The files hold exactly what is already in use (or there are no files): nothing was done. */
    record Unchanged() implements ReloadResult {
    }

    /**
     * The files had changed but do not load (for example a key that does not match its
     * certificate, half-written during a renewal): the certificates in use stay, and the reason
     * was logged at WARN. A later reload tries again.
     *
     * @param reason the problem, naming the file
     */
    record Refused(String reason) implements ReloadResult {
        /** Checks that nothing is null. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
