package dev.weft.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Values an application builds are checked where they are built, not on the wire. */
class ResponseAndConfigTest {

    @Test
    void headerValuesCannotSplitAResponse() {
        assertThrows(IllegalArgumentException.class, () -> Response.ok("x").withHeader("X-A", "a\r\nSet-Cookie: b"));
        assertThrows(IllegalArgumentException.class, () -> Response.ok("x").withHeader("X A", "a"));
        assertThrows(IllegalArgumentException.class, () -> Headers.of("X-A", "\u0100"));
        assertEquals("a\tb \u00e9", Headers.of("X-A", "a\tb \u00e9").first("x-a").orElseThrow());
    }

    @Test
    void framingHeadersAndBodiesOnBodilessStatusesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Response.ok("x").withHeader("Content-Length", "1"));
        assertThrows(IllegalArgumentException.class, () -> Response.ok("x").withHeader("transfer-encoding", "chunked"));
        assertThrows(IllegalArgumentException.class, () -> Response.text(Status.NO_CONTENT_204, "x"));
        assertThrows(IllegalArgumentException.class, () -> Response.text(Status.NOT_MODIFIED_304, "x"));
    }

    @Test
    void statusesAreRangeCheckedAndKnowWhetherTheyCarryABody() {
        assertThrows(IllegalArgumentException.class, () -> new Status(99, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Status(200, "O\nK"));
        assertTrue(Status.NOT_MODIFIED_304.forbidsBody());
        assertFalse(Status.NOT_FOUND_404.forbidsBody());
    }

    @Test
    void limitsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> HttpLimits.DEFAULTS.withMaxHeaderBytes(0));
        assertThrows(IllegalArgumentException.class, () -> HttpLimits.DEFAULTS.withMaxBodyBytes(-1));
        assertThrows(IllegalArgumentException.class, () -> HttpLimits.DEFAULTS.withHeaderTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> HttpLimits.DEFAULTS.withMaxRequestsPerConnection(0));
        assertThrows(NullPointerException.class, () -> HttpLimits.DEFAULTS.withIdleTimeout(null));
        assertThrows(IllegalArgumentException.class,
                () -> new HttpServerConfig(HttpServerConfig.loopback(0).server(), HttpLimits.DEFAULTS, "Weft\r\n"));
        assertEquals(Duration.ofSeconds(20), HttpLimits.DEFAULTS.headerTimeout());
    }
}
