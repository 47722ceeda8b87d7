package dev.weft.http.internal.h2;

import dev.weft.http.Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An HTTP/1.1 request asking to continue in cleartext HTTP/2 ({@code Upgrade: h2c}, RFC 7540
 * section 3.2, still the path {@code java.net.http.HttpClient} takes for {@code http://} URIs):
 * the decoded {@code HTTP2-Settings}, and the request itself, which becomes stream 1 —
 * half-closed from the client's side (only a request without a body is upgraded).
 *
 * <p>The HTTP/1.1 loop asks {@link #of} for every request without a body carrying
 * {@code Upgrade: h2c} on a cleartext connection, when the server allows the upgrade; when it
 * gets one it writes {@link #SWITCHING_PROTOCOLS} and hands the connection to {@link Http2Connection#runUpgraded}. A
 * request that does not qualify (no {@code h2c} token, not exactly one valid
 * {@code HTTP2-Settings}, {@code Connection} not naming both) is served over HTTP/1.1 as if the
 * header were absent, as the RFC requires.
 *
 * @param settings the client's settings from {@code HTTP2-Settings}
 * @param request  the request as stream 1
 * @param body     the request body: empty, since only a request without one is upgraded
 */
public record H2cUpgrade(List<Frame.Setting> settings, H2Request request, byte[] body) {

    /** The response that switches the connection; HTTP/2 frames follow it directly. */
    public static final byte[] SWITCHING_PROTOCOLS =
            "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);

    /** Hop-by-hop fields of the HTTP/1.1 request that stream 1 does not carry. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "upgrade", "http2-settings", "keep-alive",
            "proxy-connection", "transfer-encoding", "te");
    private static final byte[] NO_BODY = new byte[0];

    /**
     * {@return whether the request asks for {@code h2c} in its {@code Upgrade} field}
     *
     * @param headers the request's header fields
     */
    public static boolean requested(Headers headers) {
        return headers.all("Upgrade").stream().anyMatch(value -> tokens(value).contains("h2c"));
    }

    /**
     * The upgrade a request without a body asks for, if it qualifies.
     *
     * @param method  the method
     * @param target  the origin-form target
     * @param headers the request's header fields
     * @return the upgrade; empty when the request does not qualify
     */
    public static Optional<H2cUpgrade> of(String method, String target, Headers headers) {
        if (!requested(headers)) {
            return Optional.empty();
        }
        List<String> connection = new ArrayList<>();
        headers.all("Connection").forEach(value -> connection.addAll(tokens(value)));
        List<String> encoded = headers.all("HTTP2-Settings");
        if (encoded.size() != 1 || !connection.contains("upgrade") || !connection.contains("http2-settings")) {
            return Optional.empty();
        }
        Optional<List<Frame.Setting>> settings = decodeSettings(encoded.get(0).trim());
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        Headers.Builder carried = Headers.builder();
        for (int i = 0; i < headers.size(); i++) {
            if (!HOP_BY_HOP.contains(headers.name(i).toLowerCase(Locale.ROOT))) {
                carried.add(headers.name(i), headers.value(i));
            }
        }
        H2Request request = new H2Request(method, "http", target, headers.first("Host").orElse(null),
                carried.build(), OptionalLong.of(0));
        return Optional.of(new H2cUpgrade(settings.get(), request, NO_BODY));
    }

    /** Decodes {@code HTTP2-Settings}: base64url of a SETTINGS payload; empty when invalid. */
    static Optional<List<Frame.Setting>> decodeSettings(String value) {
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (payload.length % 6 != 0) {
            return Optional.empty();
        }
        List<Frame.Setting> settings = new ArrayList<>(payload.length / 6);
        for (int i = 0; i < payload.length; i += 6) {
            int id = ((payload[i] & 0xFF) << 8) | (payload[i + 1] & 0xFF);
            long value32 = ((payload[i + 2] & 0xFFL) << 24) | ((payload[i + 3] & 0xFF) << 16)
                    | ((payload[i + 4] & 0xFF) << 8) | (payload[i + 5] & 0xFF);
            try {
                FrameReader.checkSetting(id, value32);
            } catch (ConnectionError e) {
                return Optional.empty();
            }
            settings.add(new Frame.Setting(id, value32));
        }
        return Optional.of(List.copyOf(settings));
    }

    private static List<String> tokens(String value) {
        List<String> tokens = new ArrayList<>();
        for (String token : value.split(",")) {
            String trimmed = token.trim().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty()) {
                tokens.add(trimmed);
            }
        }
        return tokens;
    }
}
