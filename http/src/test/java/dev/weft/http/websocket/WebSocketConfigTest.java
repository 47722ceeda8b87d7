package dev.weft.http.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebSocketConfigTest {

    @Test
    void theDefaultsAreSafe() {
        WebSocketConfig config = WebSocketConfig.DEFAULTS;
        assertEquals(1 << 20, config.limits().maxFrameBytes());
        assertEquals(1L << 20, config.limits().maxMessageBytes());
        assertEquals(1 << 20, config.limits().outboundQueueBytes());
        assertEquals(Optional.of(KeepAlive.DEFAULTS), config.keepAlive());
        assertEquals(OriginPolicy.sameOrigin(), config.origins());
        assertEquals(List.of(), config.subprotocols());
        assertFalse(config.permessageDeflate());
    }

    @Test
    void theBuilderSetsEveryComponentAndRoundTrips() {
        WebSocketConfig config = WebSocketConfig.builder().maxMessageAndFrameBytes(16L << 20).outboundQueueBytes(4096)
                .idleTimeout(Duration.ofSeconds(7)).closeTimeout(Duration.ofSeconds(2))
                .keepAlive(Duration.ofSeconds(3), Duration.ofSeconds(4)).origins(OriginPolicy.any())
                .subprotocols("chat", "chat.v2").permessageDeflate(true).build();
        assertEquals(new WebSocketLimits(16 << 20, 16L << 20, 4096, Duration.ofSeconds(7), Duration.ofSeconds(2)),
                config.limits());
        assertEquals(Optional.of(new KeepAlive(Duration.ofSeconds(3), Duration.ofSeconds(4))), config.keepAlive());
        assertEquals(config, config.toBuilder().build());
        assertEquals(Optional.empty(), config.toBuilder().noKeepAlive().build().keepAlive());
    }

    @Test
    void invalidLimitsAreRefusedNamingBothNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebSocketConfig.builder().maxFrameBytes(2000).maxMessageBytes(1000).build());
        assertEquals("maxFrameBytes (2000) must not exceed maxMessageBytes (1000)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WebSocketConfig.builder().outboundQueueBytes(0).build());
        assertThrows(IllegalArgumentException.class, () -> WebSocketConfig.builder().idleTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class,
                () -> WebSocketConfig.builder().keepAlive(Duration.ofSeconds(1), Duration.ofSeconds(-1)).build());
    }

    @Test
    void subprotocolsMustBeDistinctTokens() {
        assertThrows(IllegalArgumentException.class, () -> WebSocketConfig.builder().subprotocols("a b").build());
        assertThrows(IllegalArgumentException.class, () -> WebSocketConfig.builder().subprotocols("a,b").build());
        assertThrows(IllegalArgumentException.class, () -> WebSocketConfig.builder().subprotocols("x", "x").build());
    }

    @Test
    void closeCodesThatMayTravelAreTheRegisteredAndTheApplicationRanges() {
        for (int code : new int[] {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4999}) {
            assertTrue(CloseStatus.isSendable(code), "sendable: " + code);
        }
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000}) {
            assertFalse(CloseStatus.isSendable(code), "not sendable: " + code);
        }
    }

    @Test
    void aCloseReasonIsAtMost123BytesAndIsCutAtACharacterBoundary() {
        assertThrows(IllegalArgumentException.class, () -> new CloseStatus(1000, "x".repeat(124)));
        CloseStatus cut = CloseStatus.NORMAL_1000.withReason("€".repeat(50));
        assertEquals(41, cut.reason().length());
        assertEquals(123, cut.reason().getBytes(StandardCharsets.UTF_8).length);
        CloseStatus surrogates = CloseStatus.NORMAL_1000.withReason("𝄞".repeat(40));
        assertEquals(120, surrogates.reason().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void anAllowListEntryMustBeAnOrigin() {
        assertThrows(IllegalArgumentException.class, () -> OriginPolicy.allowList(List.of("example.com")));
        assertThrows(IllegalArgumentException.class, () -> OriginPolicy.allowList(List.of("https://example.com/path")));
        assertTrue(OriginPolicy.allowList(List.of("https://Example.com")).allows(Optional.of("https://example.com:443"),
                Optional.empty()));
    }
}
