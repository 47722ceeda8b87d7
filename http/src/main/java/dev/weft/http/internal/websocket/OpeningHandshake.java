package dev.weft.http.internal.websocket;

import dev.weft.http.Headers;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.http.websocket.WebSocketConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The server's side of the opening handshake (RFC 6455 section 4.2), a function of the request
 * head: either the {@code 101} response and what was negotiated, or the HTTP error to answer.
 *
 * <p>Checks, in order, each with its answer: the method is {@code GET} (405); the version is
 * HTTP/1.1 (400); {@code Upgrade} lists {@code websocket} (426 with {@code Upgrade: websocket}:
 * a plain request to a WebSocket route); {@code Connection} lists {@code upgrade} (400); no
 * request body (400); {@code Sec-WebSocket-Version} is {@code 13} (426 with
 * {@code Sec-WebSocket-Version: 13}, which also tells the client what this server speaks);
 * {@code Sec-WebSocket-Key} is one base64 value of 16 bytes (400); the {@code Origin} is
 * allowed by the configured policy (403). Token lists compare case-insensitively. Then it
 * selects a subprotocol (only among those the endpoint declares) and negotiates
 * {@code permessage-deflate} when enabled.
 */
final class OpeningHandshake {

    /** The GUID RFC 6455 appends to the key before hashing. */
    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    static final String VERSION = "13";

    private OpeningHandshake() {
    }

    /** Decides the handshake of {@code request} for an endpoint configured by {@code config}. */
    static HandshakeOutcome negotiate(Request request, WebSocketConfig config) {
        Headers headers = request.headers();
        if (request.method() != Method.GET) {
            return reject(Response.text(Status.METHOD_NOT_ALLOWED_405, "a WebSocket handshake is a GET\n")
                    .withHeader("Allow", "GET"));
        }
        if (!request.version().equals("HTTP/1.1")) {
            return badRequest("a WebSocket handshake needs HTTP/1.1");
        }
        if (!HeaderTokens.contains(headers, "Upgrade", "websocket")) {
            return reject(Response.text(Status.UPGRADE_REQUIRED_426, "this resource speaks WebSocket only\n")
                    .withHeader("Upgrade", "websocket")
                    .withHeader("Sec-WebSocket-Version", VERSION));
        }
        if (!HeaderTokens.contains(headers, "Connection", "upgrade")) {
            return badRequest("Connection must list \"upgrade\"");
        }
        if (headers.contains("Transfer-Encoding")
                || !headers.first("Content-Length").map(String::trim).orElse("0").equals("0")) {
            return badRequest("a WebSocket handshake has no body");
        }
        List<String> versions = headers.all("Sec-WebSocket-Version");
        if (versions.size() != 1 || !versions.get(0).trim().equals(VERSION)) {
            return reject(Response.text(Status.UPGRADE_REQUIRED_426, "this server speaks WebSocket version 13\n")
                    .withHeader("Sec-WebSocket-Version", VERSION));
        }
        List<String> keys = headers.all("Sec-WebSocket-Key");
        if (keys.size() != 1 || !isValidKey(keys.get(0).trim())) {
            return badRequest("Sec-WebSocket-Key must be one base64-encoded 16-byte value");
        }
        if (!config.origins().allows(headers.first("Origin"), headers.first("Host"))) {
            return reject(Response.text(Status.FORBIDDEN_403, "origin not allowed\n"));
        }
        return accept(headers, keys.get(0).trim(), config);
    }

    private static HandshakeOutcome accept(Headers headers, String key, WebSocketConfig config) {
        Headers.Builder response = Headers.builder()
                .add("Upgrade", "websocket")
                .add("Connection", "Upgrade")
                .add("Sec-WebSocket-Accept", acceptKey(key));
        Optional<String> subprotocol = selectSubprotocol(HeaderTokens.of(headers, "Sec-WebSocket-Protocol"),
                config.subprotocols());
        subprotocol.ifPresent(p -> response.add("Sec-WebSocket-Protocol", p));
        Optional<DeflateNegotiation> deflate = Optional.empty();
        if (config.permessageDeflate()) {
            deflate = ExtensionOffer.parse(headers.all("Sec-WebSocket-Extensions"))
                    .flatMap(DeflateNegotiation::negotiate);
            deflate.ifPresent(d -> response.add("Sec-WebSocket-Extensions", d.responseValue()));
        }
        return new HandshakeOutcome.Accepted(response.build(), subprotocol,
                deflate.map(DeflateNegotiation::parameters));
    }

    /**
     * What a {@code 101} response agreed, read from its header fields as they were sent (a filter
     * may have added some): the subprotocol it names, and the {@code permessage-deflate}
     * parameters of its extension field — this server's answer is itself an acceptable offer
     * with the same parameters.
     */
    static HandshakeOutcome.Accepted agreed(Headers sent) {
        Optional<String> subprotocol = sent.first("Sec-WebSocket-Protocol").map(String::trim);
        Optional<DeflateParameters> deflate = ExtensionOffer.parse(sent.all("Sec-WebSocket-Extensions"))
                .flatMap(DeflateNegotiation::negotiate).map(DeflateNegotiation::parameters);
        return new HandshakeOutcome.Accepted(sent, subprotocol, deflate);
    }

    /** The first protocol the endpoint declares that the client offered (exact match). */
    static Optional<String> selectSubprotocol(List<String> offered, List<String> declared) {
        return declared.stream().filter(offered::contains).findFirst();
    }

    /** Whether {@code key} is the base64 encoding of 16 bytes, padded (24 characters). */
    static boolean isValidKey(String key) {
        if (key.length() != 24 || !key.endsWith("==")) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code Sec-WebSocket-Accept}: base64 of the SHA-1 of the key and {@link #GUID}. */
    static String acceptKey(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static HandshakeOutcome badRequest(String message) {
        return reject(Response.text(Status.BAD_REQUEST_400, message + "\n"));
    }

    private static HandshakeOutcome reject(Response response) {
        return new HandshakeOutcome.Rejected(response);
    }
}
