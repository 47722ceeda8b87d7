package dev.weft.http.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.Headers;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.websocket.OriginPolicy;
import dev.weft.http.websocket.WebSocketConfig;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningHandshakeTest {

    private static final WebSocketConfig DEFAULTS = WebSocketConfig.DEFAULTS;
    private static final WebSocketConfig DEFLATE = WebSocketConfig.builder().permessageDeflate(true).build();

    /** A valid handshake request from a page of http://example.com, plus {@code extra} fields. */
    private static Request request(String... extra) {
        return request(Method.GET, "HTTP/1.1", extra);
    }

    private static Request request(Method method, String version, String... extra) {
        List<String> fields = new ArrayList<>(List.of(
                "Host", "example.com",
                "Upgrade", "websocket",
                "Connection", "Upgrade",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
                "Sec-WebSocket-Version", "13",
                "Origin", "http://example.com"));
        for (int i = 0; i < extra.length; i += 2) {
            String name = extra[i];
            if (extra[i + 1] == null || fields.contains(name)) {
                int at = fields.indexOf(name);
                if (at >= 0 && at % 2 == 0) {
                    fields.remove(at);
                    fields.remove(at);
                }
            }
            if (extra[i + 1] != null) {
                fields.add(name);
                fields.add(extra[i + 1]);
            }
        }
        return new Request(method, "/chat", "/chat", "", version, Headers.of(fields.toArray(String[]::new)), Map.of(),
                InputStream.nullInputStream(), new InetSocketAddress("127.0.0.1", 50_000));
    }

    private static HandshakeOutcome.Accepted accepted(HandshakeOutcome outcome) {
        return assertInstanceOf(HandshakeOutcome.Accepted.class, outcome, () -> "rejected: " + outcome);
    }

    private static Response rejected(HandshakeOutcome outcome) {
        return assertInstanceOf(HandshakeOutcome.Rejected.class, outcome).response();
    }

    @Test
    void theAcceptKeyIsTheOneOfRfc6455() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", OpeningHandshake.acceptKey("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void aValidRequestIsAnsweredWith101AndTheAcceptKey() {
        HandshakeOutcome.Accepted accepted = accepted(OpeningHandshake.negotiate(request(), DEFAULTS));
        String head = new String(accepted.responseHead(), StandardCharsets.ISO_8859_1);
        assertEquals("HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n", head);
        assertEquals(Optional.empty(), accepted.subprotocol());
        assertEquals(Optional.empty(), accepted.deflate());
    }

    @Test
    void tokenListsCompareCaseInsensitivelyAndMayHoldOtherTokens() {
        accepted(OpeningHandshake.negotiate(request("Upgrade", "WebSocket", "Connection", "keep-alive, UPGRADE"), DEFAULTS));
        accepted(OpeningHandshake.negotiate(request("Upgrade", "h2c, websocket"), DEFAULTS));
    }

    @Test
    void anotherMethodIs405() {
        Response response = rejected(OpeningHandshake.negotiate(request(Method.POST, "HTTP/1.1"), DEFAULTS));
        assertEquals(405, response.status().code());
        assertEquals(Optional.of("GET"), response.headers().first("Allow"));
    }

    @Test
    void http10Is400() {
        assertEquals(400, rejected(OpeningHandshake.negotiate(request(Method.GET, "HTTP/1.0"), DEFAULTS)).status().code());
    }

    @Test
    void aPlainRequestWithoutUpgradeIs426NamingWebSocket() {
        Response response = rejected(OpeningHandshake.negotiate(request("Upgrade", null), DEFAULTS));
        assertEquals(426, response.status().code());
        assertEquals(Optional.of("websocket"), response.headers().first("Upgrade"));
        assertEquals(426, rejected(OpeningHandshake.negotiate(request("Upgrade", "h2c"), DEFAULTS)).status().code());
    }

    @Test
    void connectionWithoutUpgradeIs400() {
        assertEquals(400, rejected(OpeningHandshake.negotiate(request("Connection", "keep-alive"), DEFAULTS))
                .status().code());
        assertEquals(400, rejected(OpeningHandshake.negotiate(request("Connection", null), DEFAULTS)).status().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "12", "14", "13, 8", " ", "thirteen"})
    void anotherVersionIs426WithTheVersionThisServerSpeaks(String version) {
        Response response = rejected(OpeningHandshake.negotiate(request("Sec-WebSocket-Version", version), DEFAULTS));
        assertEquals(426, response.status().code());
        assertEquals(Optional.of("13"), response.headers().first("Sec-WebSocket-Version"));
    }

    @Test
    void aMissingVersionIs426() {
        assertEquals(426, rejected(OpeningHandshake.negotiate(request("Sec-WebSocket-Version", null), DEFAULTS))
                .status().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZQ=", "dGhlIHNhbXBsZSBub25j", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "dGhlIHNhbXBsZSBub25jZ!==", "dGhlIHNhbXBsZSBub25jZQ==dGhl"})
    void aKeyThatIsNotBase64Of16BytesIs400(String key) {
        assertEquals(400, rejected(OpeningHandshake.negotiate(request("Sec-WebSocket-Key", key), DEFAULTS)).status().code());
    }

    @Test
    void aMissingOrRepeatedKeyIs400() {
        assertEquals(400, rejected(OpeningHandshake.negotiate(request("Sec-WebSocket-Key", null), DEFAULTS)).status().code());
        Request twice = request();
        twice = new Request(twice.method(), twice.target(), twice.path(), twice.rawQuery(), twice.version(),
                twice.headers().with("Sec-WebSocket-Key", "AQIDBAUGBwgJCgsMDQ4PEA=="), Map.of(), twice.body(),
                twice.remoteAddress());
        assertEquals(400, rejected(OpeningHandshake.negotiate(twice, DEFAULTS)).status().code());
    }

    @Test
    void aRequestWithABodyIs400() {
        assertEquals(400, rejected(OpeningHandshake.negotiate(request("Content-Length", "5"), DEFAULTS)).status().code());
        assertEquals(400, rejected(OpeningHandshake.negotiate(request("Transfer-Encoding", "chunked"), DEFAULTS))
                .status().code());
        accepted(OpeningHandshake.negotiate(request("Content-Length", "0"), DEFAULTS));
    }

    // ---- origins ----------------------------------------------------------------------------

    @Test
    void aPageOfAnotherSiteIs403ByDefault() {
        assertEquals(403, rejected(OpeningHandshake.negotiate(request("Origin", "http://evil.example"), DEFAULTS))
                .status().code());
        assertEquals(403, rejected(OpeningHandshake.negotiate(request("Origin", "http://example.com:8080"), DEFAULTS))
                .status().code());
        assertEquals(403, rejected(OpeningHandshake.negotiate(request("Origin", "null"), DEFAULTS)).status().code());
    }

    @Test
    void theSameHostAndPortIsAllowedWhateverTheSchemeAndCase() {
        accepted(OpeningHandshake.negotiate(request("Origin", "HTTP://Example.COM"), DEFAULTS));
        accepted(OpeningHandshake.negotiate(request("Origin", "http://example.com:80"), DEFAULTS));
        accepted(OpeningHandshake.negotiate(request("Host", "example.com:8443", "Origin", "https://example.com:8443"),
                DEFAULTS));
        accepted(OpeningHandshake.negotiate(request("Host", "[::1]:8080", "Origin", "http://[::1]:8080"), DEFAULTS));
    }

    @Test
    void aClientWithoutOriginIsNotABrowserPageAndIsAllowed() {
        accepted(OpeningHandshake.negotiate(request("Origin", null), DEFAULTS));
    }

    @Test
    void anAllowListAdmitsOnlyItsOrigins() {
        WebSocketConfig config = WebSocketConfig.builder()
                .origins(OriginPolicy.allowList(List.of("https://chat.example.com", "http://localhost:8080"))).build();
        accepted(OpeningHandshake.negotiate(request("Origin", "https://chat.example.com:443"), config));
        accepted(OpeningHandshake.negotiate(request("Origin", "http://LOCALHOST:8080"), config));
        assertEquals(403, rejected(OpeningHandshake.negotiate(request("Origin", "http://example.com"), config))
                .status().code());
        assertEquals(403, rejected(OpeningHandshake.negotiate(request("Origin", "http://chat.example.com"), config))
                .status().code());
    }

    @Test
    void anyOriginAdmitsEveryPage() {
        WebSocketConfig config = WebSocketConfig.builder().origins(OriginPolicy.any()).build();
        accepted(OpeningHandshake.negotiate(request("Origin", "http://evil.example"), config));
    }

    // ---- subprotocols -------------------------------------------------------------------------

    @Test
    void theFirstDeclaredSubprotocolTheClientOffersIsSelected() {
        WebSocketConfig config = WebSocketConfig.builder().subprotocols("chat.v2", "chat.v1").build();
        HandshakeOutcome.Accepted accepted = accepted(OpeningHandshake.negotiate(
                request("Sec-WebSocket-Protocol", "chat.v1, chat.v2"), config));
        assertEquals(Optional.of("chat.v2"), accepted.subprotocol());
        assertEquals(Optional.of("chat.v2"), accepted.responseHeaders().first("Sec-WebSocket-Protocol"));
    }

    @Test
    void aSubprotocolTheEndpointDoesNotDeclareIsNeverSelected() {
        HandshakeOutcome.Accepted accepted = accepted(OpeningHandshake.negotiate(
                request("Sec-WebSocket-Protocol", "mqtt, soap"), WebSocketConfig.builder().subprotocols("chat").build()));
        assertEquals(Optional.empty(), accepted.subprotocol());
        assertFalse(accepted.responseHeaders().contains("Sec-WebSocket-Protocol"));
        HandshakeOutcome.Accepted undeclared = accepted(OpeningHandshake.negotiate(
                request("Sec-WebSocket-Protocol", "chat"), DEFAULTS));
        assertFalse(undeclared.responseHeaders().contains("Sec-WebSocket-Protocol"));
    }

    // ---- permessage-deflate -------------------------------------------------------------------

    private static Optional<String> extensionsAnswer(WebSocketConfig config, String... offers) {
        String[] fields = new String[offers.length * 2];
        for (int i = 0; i < offers.length; i++) {
            fields[2 * i] = "Sec-WebSocket-Extensions";
            fields[2 * i + 1] = offers[i];
        }
        return accepted(OpeningHandshake.negotiate(request(fields), config)).responseHeaders()
                .first("Sec-WebSocket-Extensions");
    }

    @Test
    void deflateIsNotNegotiatedUnlessEnabled() {
        assertEquals(Optional.empty(), extensionsAnswer(DEFAULTS, "permessage-deflate; client_max_window_bits"));
    }

    @Test
    void theBrowsersOfferIsAccepted() {
        assertEquals(Optional.of("permessage-deflate"),
                extensionsAnswer(DEFLATE, "permessage-deflate; client_max_window_bits"));
        HandshakeOutcome.Accepted accepted = accepted(OpeningHandshake.negotiate(
                request("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"), DEFLATE));
        assertEquals(Optional.of(new DeflateParameters(false, false)), accepted.deflate());
    }

    @Test
    void noContextTakeoverIsHonouredAndAnswered() {
        assertEquals(Optional.of("permessage-deflate; server_no_context_takeover; client_no_context_takeover"),
                extensionsAnswer(DEFLATE, "permessage-deflate; server_no_context_takeover; client_no_context_takeover"));
        HandshakeOutcome.Accepted accepted = accepted(OpeningHandshake.negotiate(
                request("Sec-WebSocket-Extensions", "permessage-deflate;server_no_context_takeover"), DEFLATE));
        assertEquals(Optional.of(new DeflateParameters(true, false)), accepted.deflate());
    }

    @Test
    void aServerWindowOf15BitsIsAcceptedAndAnswered() {
        assertEquals(Optional.of("permessage-deflate; server_max_window_bits=15"),
                extensionsAnswer(DEFLATE, "permessage-deflate; server_max_window_bits=15"));
        assertEquals(Optional.of("permessage-deflate; server_max_window_bits=15"),
                extensionsAnswer(DEFLATE, "permessage-deflate; server_max_window_bits=\"15\""));
    }

    @Test
    void anOfferRequiringASmallerServerWindowIsDeclinedAndTheNextOneTaken() {
        assertEquals(Optional.empty(), extensionsAnswer(DEFLATE, "permessage-deflate; server_max_window_bits=10"));
        assertEquals(Optional.of("permessage-deflate; client_no_context_takeover"), extensionsAnswer(DEFLATE,
                "permessage-deflate; server_max_window_bits=10, permessage-deflate; client_no_context_takeover"));
        assertEquals(Optional.of("permessage-deflate"), extensionsAnswer(DEFLATE,
                "permessage-deflate; server_max_window_bits=8", "permessage-deflate"));
    }

    @Test
    void aClientWindowLimitNeedsNoAnswer() {
        assertEquals(Optional.of("permessage-deflate"),
                extensionsAnswer(DEFLATE, "permessage-deflate; client_max_window_bits=9"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "permessage-deflate; unknown_parameter",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
        "permessage-deflate; server_no_context_takeover=1",
        "permessage-deflate; client_max_window_bits=7",
        "permessage-deflate; client_max_window_bits=16",
        "permessage-deflate; client_max_window_bits=010",
        "permessage-deflate; server_max_window_bits",
        "permessage-deflate; server_max_window_bits=abc",
        "permessage-deflate; ;",
        "permessage-deflate; server_max_window_bits=\"15",
        "x-webkit-deflate-frame",
    })
    void anInvalidOrUnknownOfferIsDeclinedWithoutFailingTheHandshake(String offer) {
        assertEquals(Optional.empty(), extensionsAnswer(DEFLATE, offer));
    }

    @Test
    void extensionOffersParseQuotedValuesAndSeveralFields() {
        List<ExtensionOffer> offers = ExtensionOffer.parse(List.of(
                "foo, permessage-deflate ; client_max_window_bits = \"10\"", "bar;baz=1")).orElseThrow();
        assertEquals(List.of("foo", "permessage-deflate", "bar"), offers.stream().map(ExtensionOffer::name).toList());
        assertEquals(new ExtensionOffer.Parameter("client_max_window_bits", Optional.of("10")),
                offers.get(1).parameters().get(0));
        assertTrue(ExtensionOffer.parse(List.of("a; b=\"unterminated")).isEmpty());
    }
}
