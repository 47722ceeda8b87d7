package dev.weft.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.weft.http.Headers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderBlocksTest {

    @Test
    void headersUsedAgainAreEncodedOnceAndReused() {
        Headers constant = Headers.of("Content-Type", "text/plain", "X-A", "b");
        assertNull(HeaderBlocks.encodedIfRepeated(constant), "a first use is written field by field");
        byte[] block = HeaderBlocks.encodedIfRepeated(constant);
        assertEquals("Content-Type: text/plain\r\nX-A: b\r\n", new String(block, StandardCharsets.ISO_8859_1));
        assertSame(block, HeaderBlocks.encodedIfRepeated(constant));
        assertNull(HeaderBlocks.encodedIfRepeated(Headers.of("Content-Type", "text/plain", "X-A", "b")),
                "an equal but distinct instance is not taken for the cached one");
    }
}
