package dev.weft.core.tls;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A point-in-time snapshot of a server's TLS handshake counters, all since it was created.
 *
 * @param handshakesCompleted handshakes that finished, so that a handler started
 * @param handshakesFailed    failed handshakes by reason; every reason is present (zero when it
 *                            never happened)
 */
public record TlsMetrics(long handshakesCompleted, Map<HandshakeFailure, Long> handshakesFailed) {

    /** The metrics of a server that speaks no TLS, or has not yet seen a handshake. */
    public static final TlsMetrics NONE = new TlsMetrics(0, Map.of());

    /** Copies the map, filling in a zero for each reason it does not name. */
    public TlsMetrics {
        if (handshakesCompleted < 0) {
            throw new IllegalArgumentException("handshakesCompleted must be >= 0: " + handshakesCompleted);
        }
        Objects.requireNonNull(handshakesFailed, "handshakesFailed");
        EnumMap<HandshakeFailure, Long> all = new EnumMap<>(HandshakeFailure.class);
        for (HandshakeFailure reason : HandshakeFailure.values()) {
            all.put(reason, handshakesFailed.getOrDefault(reason, 0L));
        }
        handshakesFailed = Collections.unmodifiableMap(all);
    }

    /**
     * The handshakes that failed for {@code reason}.
     *
     * @param reason the failure's reason
     * @return how many handshakes failed for it
     */
    public long failed(HandshakeFailure reason) {
        return handshakesFailed.get(reason);
    }

    /** {@return how many handshakes failed, for any reason} */
    public long handshakesFailedTotal() {
        long total = 0;
        for (long n : handshakesFailed.values()) {
            total += n;
        }
        return total;
    }
}
