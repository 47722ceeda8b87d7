package dev.weft.http.websocket;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Why a WebSocket session closed: a status code and a reason (RFC 6455 section 7.4).
 *
 * <p>Codes that may travel in a close frame ({@link #isSendable(int)}): 1000–1003, 1007–1014
 * (the IANA registry), and 3000–4999 (libraries and applications). {@link #NO_STATUS_1005}
 * and {@link #ABNORMAL_1006} are never sent: they describe a close frame without a code and a
 * connection that dropped without a close frame.
 *
 * @param code   the status code, 1000 to 4999
 * @param reason a human-readable reason, at most {@value #MAX_REASON_BYTES} bytes of UTF-8;
 *               empty when there is none
 */
public record CloseStatus(int code, String reason) {

    /** The longest reason, in UTF-8 bytes: a control frame carries at most 125 bytes, 2 of them the code. */
    public static final int MAX_REASON_BYTES = 123;

    /** 1000: the purpose of the session is fulfilled. */
    public static final CloseStatus NORMAL_1000 = new CloseStatus(1000, "");
    /** 1001: the endpoint goes away (server stopping, idle session, unanswered ping). */
    public static final CloseStatus GOING_AWAY_1001 = new CloseStatus(1001, "");
    /** 1002: the peer broke the protocol. */
    public static final CloseStatus PROTOCOL_ERROR_1002 = new CloseStatus(1002, "");
    /** 1003: a message of a type the endpoint does not accept. */
    public static final CloseStatus UNSUPPORTED_DATA_1003 = new CloseStatus(1003, "");
    /** 1005: the peer's close frame carried no code (never sent). */
    public static final CloseStatus NO_STATUS_1005 = new CloseStatus(1005, "");
    /** 1006: the connection dropped without a close frame (never sent). */
    public static final CloseStatus ABNORMAL_1006 = new CloseStatus(1006, "");
    /** 1007: a text message that is not UTF-8, or a payload inconsistent with its message. */
    public static final CloseStatus INVALID_PAYLOAD_1007 = new CloseStatus(1007, "");
    /** 1008: a policy was violated, for example a peer too slow to read what it is sent. */
    public static final CloseStatus POLICY_VIOLATION_1008 = new CloseStatus(1008, "");
    /** 1009: a frame or message over the configured limit. */
    public static final CloseStatus MESSAGE_TOO_BIG_1009 = new CloseStatus(1009, "");
    /** 1010: (from a client) an extension the server did not negotiate. */
    public static final CloseStatus MANDATORY_EXTENSION_1010 = new CloseStatus(1010, "");
    /** 1011: the endpoint failed. */
    public static final CloseStatus INTERNAL_ERROR_1011 = new CloseStatus(1011, "");

    /** Validates the code range and the reason's length. */
    public CloseStatus {
        Objects.requireNonNull(reason, "reason");
        if (code < 1000 || code > 4999) {
            throw new IllegalArgumentException("close code must be in 1000..4999: " + code);
        }
        int reasonBytes = reason.getBytes(StandardCharsets.UTF_8).length;
        if (reasonBytes > MAX_REASON_BYTES) {
            throw new IllegalArgumentException("close reason is " + reasonBytes + " bytes of UTF-8; at most "
                    + MAX_REASON_BYTES + " fit in a close frame");
        }
    }

    /**
     * Whether {@code code} may travel in a close frame, in either direction.
     *
     * @param code a status code
     * @return whether a close frame may carry it
     */
    public static boolean isSendable(int code) {
        return (code >= 1000 && code <= 1003)
                || (code >= 1007 && code <= 1014)
                || (code >= 3000 && code <= 4999);
    }

    /**
     * A copy with another reason, cut to at most {@value #MAX_REASON_BYTES} bytes at a character
     * boundary.
     *
     * @param newReason the reason
     * @return the copy
     */
    public CloseStatus withReason(String newReason) {
        return new CloseStatus(code, truncate(newReason));
    }

    private static String truncate(String reason) {
        if (reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
            return reason;
        }
        int end = reason.length();
        while (reason.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            end--;
            if (end > 0 && Character.isLowSurrogate(reason.charAt(end))) {
                end--;
            }
        }
        return reason.substring(0, end);
    }

    @Override
    public String toString() {
        return reason.isEmpty() ? String.valueOf(code) : code + " " + reason;
    }
}
