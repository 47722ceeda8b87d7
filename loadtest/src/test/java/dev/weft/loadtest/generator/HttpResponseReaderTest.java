package dev.weft.loadtest.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

    private static final String HELLO = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!";

    /** Hands out one byte per read, the worst split a socket can produce. */
    private static InputStream trickle(String text) {
        ByteArrayInputStream all = new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
        return new InputStream() {
            @Override
            public int read() {
                return all.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return all.read(b, off, Math.min(1, len));
            }
        };
    }

    @Test
    void pipelinedResponsesSplitAnywhereAreReadOneByOne() throws IOException {
        HttpResponseReader reader = new HttpResponseReader();
        InputStream in = trickle(HELLO + HELLO.replace("200 OK", "404 Not Found") + HELLO);
        assertEquals(200, reader.readResponse(in));
        assertEquals(404, reader.readResponse(in));
        assertEquals(200, reader.readResponse(in));
    }

    @Test
    void contentLengthIsFoundWhateverItsCase() throws IOException {
        InputStream in = new ByteArrayInputStream(
                ("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nhiHTTP/1.1 204 No Content\r\nCONTENT-LENGTH: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        HttpResponseReader reader = new HttpResponseReader();
        assertEquals(200, reader.readResponse(in));
        assertEquals(204, reader.readResponse(in));
    }

    @Test
    void aResponseWithoutLengthIsAnUnexpectedResponse() {
        InputStream in = new ByteArrayInputStream("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThrows(UnexpectedResponseException.class, () -> new HttpResponseReader().readResponse(in));
    }

    @Test
    void somethingThatIsNotHttpIsAnUnexpectedResponse() {
        InputStream in = new ByteArrayInputStream("SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThrows(UnexpectedResponseException.class, () -> new HttpResponseReader().readResponse(in));
    }

    @Test
    void aHeadLongerThanTheLimitIsRefused() {
        String huge = "HTTP/1.1 200 OK\r\nX: " + "a".repeat(HttpResponseReader.MAX_HEAD_BYTES) + "\r\n\r\n";
        InputStream in = new ByteArrayInputStream(huge.getBytes(StandardCharsets.US_ASCII));
        assertThrows(UnexpectedResponseException.class, () -> new HttpResponseReader().readResponse(in));
    }

    @Test
    void aConnectionClosedMidResponseIsAnEndOfStream() {
        InputStream in = new ByteArrayInputStream(HELLO.substring(0, HELLO.length() - 3).getBytes(StandardCharsets.US_ASCII));
        assertThrows(EOFException.class, () -> new HttpResponseReader().readResponse(in));
    }
}
