package dev.weft.http.proxy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class UpstreamResponseReaderTest {

    private final UpstreamResponseReader reader = new UpstreamResponseReader(256, 1_000);

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(ISO_8859_1));
    }

    private UpstreamResponse read(String text) throws IOException {
        return reader.read(bytes(text), false);
    }

    @Test
    void aContentLengthBodyIsReadExactlyAndTheNextResponseIsLeftAlone() throws IOException {
        InputStream in = bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 204 No Content\r\n\r\n");
        UpstreamResponse first = reader.read(in, false);
        assertEquals(200, first.code());
        assertEquals("OK", first.reason());
        assertEquals("hello", new String(first.body(), ISO_8859_1));
        assertTrue(first.keepAlive());
        assertEquals(204, reader.read(in, false).code());
    }

    @Test
    void aChunkedBodyIsDechunkedWithExtensionsAndTrailersDropped() throws IOException {
        UpstreamResponse response = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n");
        assertEquals("hello world", new String(response.body(), ISO_8859_1));
    }

    @Test
    void interimResponsesAreSkippedAndHeadHasNoBody() throws IOException {
        assertEquals(201, read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n").code());
        UpstreamResponse head = reader.read(bytes("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"), true);
        assertEquals(0, head.body().length);
    }

    @Test
    void keepAliveFollowsTheVersionAndTheConnectionHeader() throws IOException {
        assertFalse(read("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").keepAlive());
        assertFalse(read("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").keepAlive());
        assertTrue(read("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n").keepAlive());
        UpstreamResponse untilClose = read("HTTP/1.1 200 OK\r\n\r\nall of it");
        assertEquals("all of it", new String(untilClose.body(), ISO_8859_1));
        assertFalse(untilClose.keepAlive(), "a body delimited by the close ends the connection");
    }

    @Test
    void malformedOrOversizedResponsesAreProtocolErrors() {
        assertEquals("malformed status line: HTTP/2 200", assertThrows(UpstreamProtocolException.class,
                () -> read("HTTP/2 200\r\n\r\n")).getMessage());
        assertEquals("conflicting Content-Length values", assertThrows(UpstreamProtocolException.class,
                () -> read("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nx")).getMessage());
        assertEquals("upstream response body (1001 bytes or more) exceeds the allowed maximum (1000)",
                assertThrows(UpstreamProtocolException.class,
                        () -> read("HTTP/1.1 200 OK\r\nContent-Length: 1001\r\n\r\n")).getMessage());
        assertEquals("upstream response head exceeds its limit", assertThrows(UpstreamProtocolException.class,
                () -> read("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(300) + "\r\n\r\n")).getMessage());
        assertEquals("malformed chunk size: zz", assertThrows(UpstreamProtocolException.class,
                () -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")).getMessage());
        assertEquals("malformed header line:  folded", assertThrows(UpstreamProtocolException.class,
                () -> read("HTTP/1.1 200 OK\r\nA: b\r\n folded\r\n\r\n")).getMessage());
    }

    @Test
    void anUpstreamThatClosesBeforeAnyByteIsAnEof() {
        assertThrows(EOFException.class, () -> read(""));
        assertThrows(EOFException.class, () -> read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel"));
    }
}
