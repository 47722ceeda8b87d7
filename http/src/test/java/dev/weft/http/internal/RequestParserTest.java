package dev.weft.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.HttpException;
import dev.weft.http.HttpLimits;
import dev.weft.http.Method;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser on bytes alone: no socket, each edge case a string. Every case runs twice: with the
 * CRLF line endings it is written with, and with bare LF endings, which RFC 9112 §2.2 lets a
 * recipient accept (and this one does).
 */
@ParameterizedClass(name = "line endings {0}")
@ValueSource(strings = {"CRLF", "LF"})
class RequestParserTest {

    private static final HttpLimits LIMITS = HttpLimits.DEFAULTS.withMaxRequestLineBytes(64).withMaxHeaderBytes(128);

    @Parameter
    String lineEnding;

    /** {@code text}, written with CRLF, in this run's line endings. */
    private String lines(String text) {
        return lineEnding.equals("LF") ? text.replace("\r\n", "\n") : text;
    }

    private RequestHead parse(String text) {
        byte[] bytes = lines(text).getBytes(StandardCharsets.ISO_8859_1);
        HeadScanner scanner = new HeadScanner(LIMITS);
        assertTrue(scanner.scan(bytes, 0, bytes.length), "head is complete");
        return new RequestParser(LIMITS).parse(bytes, 0, scanner);
    }

    private int statusOf(String text) {
        return assertThrows(HttpException.class, () -> parse(text)).status().code();
    }

    @Test
    void requestLineAndHeadersAreParsedWithValuesTrimmed() {
        RequestHead head = parse("GET /users/42?x=1&y=2 HTTP/1.1\r\nHost: example.com\r\nX-Tag: \t a b \t\r\n\r\n");
        assertEquals(Method.GET, head.method());
        assertEquals("/users/42?x=1&y=2", head.target());
        assertEquals("/users/42", head.path());
        assertEquals("x=1&y=2", head.rawQuery());
        assertTrue(head.http11());
        assertEquals("a b", head.headers().first("x-tag").orElseThrow());
        assertEquals("example.com", head.headers().first("HOST").orElseThrow());
        assertTrue(head.keepAlive());
        assertFalse(head.hasBody());
    }

    @Test
    void knownHeaderNamesInCanonicalCaseAreSharedConstants() {
        RequestHead head = parse("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        assertSame("Host", head.headers().name(0));
        assertEquals("hOST", parse("GET / HTTP/1.1\r\nhOST: a\r\n\r\n").headers().name(0), "spelling is kept");
    }

    @Test
    void absoluteFormTargetYieldsItsPathAndQuery() {
        RequestHead head = parse("GET HTTP://example.com:8080?a=b HTTP/1.1\r\nHost: example.com:8080\r\n\r\n");
        assertEquals("/", head.path());
        assertEquals("a=b", head.rawQuery());
        assertEquals(400, statusOf("GET http://user@example.com/ HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertEquals(400, statusOf("GET ftp://example.com/ HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    @Test
    void asteriskFormIsAcceptedForOptions() {
        assertEquals("*", parse("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").path());
    }

    @Test
    void framingIsDecidedFromTheHeaders() {
        RequestHead fixed = parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n\r\n");
        assertEquals(12, fixed.contentLength());
        RequestHead chunked = parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        assertTrue(chunked.chunked());
        RequestHead expect = parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nExpect: 100-Continue\r\n\r\n");
        assertTrue(expect.expectContinue());
        assertFalse(parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Close\r\n\r\n").keepAlive());
        assertFalse(parse("GET / HTTP/1.0\r\n\r\n").keepAlive());
        assertTrue(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keepAlive());
        assertFalse(parse("POST / HTTP/1.0\r\nContent-Length: 1\r\nExpect: 100-continue\r\n\r\n").expectContinue(),
                "HTTP/1.0 expectations are ignored");
    }

    @Test
    void hostMayBeANameAnAddressOrAnIpv6LiteralWithAPort() {
        for (String host : new String[] {"example.com", "example.com:8080", "127.0.0.1:1", "[::1]:8080", "[::1]", ""}) {
            assertEquals(host, parse("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").headers().first("Host").orElseThrow());
        }
    }

    @Test
    void laterMinorVersionsAreServedAsHttp11() {
        assertTrue(parse("GET / HTTP/1.7\r\nHost: x\r\n\r\n").http11());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            400 | GET / HTTP/1.1\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a\\r\\nhost: b\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a:8o\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a:1:2\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: user@a\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: [::1\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: [::1]x\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost : a\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a\\r\\n folded\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a\\r\\nX: \\u0001\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a\\r\\nX: \\u007f\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a\\r\\nX\\u00e9: 1\\r\\n\\r\\n
            400 | GET\\t/ HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n
            400 | GET / HTTP/1.1 \\r\\nHost: a\\r\\n\\r\\n
            400 | GET /\\u007f HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n
            400 | ' GET / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n'
            400 | GET / HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 1 2\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a\\r\\nContent-Length:\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 5,\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a\\r\\nTransfer-Encoding: chunked\\r\\nContent-Length: 0\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a\\r\\nTransfer-Encoding: chunked\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a\\r\\nTransfer-Encoding: chunked, identity\\r\\n\\r\\n
            400 | GET / HTTP/1.1\\r\\nHost: a\\r\\nTransfer-Encoding: \\u0001chunked\\r\\n\\r\\n
            501 | GET / HTTP/1.1\\r\\nHost: a\\r\\nTransfer-Encoding: identity\\r\\n\\r\\n
            501 | GET / HTTP/1.1\\r\\nHost: a\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n
            501 | GET / HTTP/1.1\\r\\nHost: a\\r\\nTransfer-Encoding: chunked;ext=1\\r\\n\\r\\n
            501 | get / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n
            505 | GET / HTTP/3.0\\r\\nHost: a\\r\\n\\r\\n
            413 | POST / HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 999999999999\\r\\n\\r\\n
            417 | POST / HTTP/1.1\\r\\nHost: a\\r\\nExpect: 200-ok\\r\\n\\r\\n
            """)
    void invalidHeadIsRefusedWithItsStatus(int status, String escaped) {
        assertEquals(status, statusOf(unescape(escaped)), escaped);
    }

    @Test
    void scannerRefusesAnOverlongRequestLineBeforeItEnds() {
        byte[] bytes = ("GET /" + "a".repeat(100)).getBytes(StandardCharsets.US_ASCII);
        HeadScanner scanner = new HeadScanner(LIMITS);
        assertEquals(414, assertThrows(HttpException.class, () -> scanner.scan(bytes, 0, bytes.length)).status().code());
    }

    @Test
    void scannerRefusesAnOversizedHeaderSectionBeforeItEnds() {
        byte[] bytes = lines("GET / HTTP/1.1\r\nX: " + "a".repeat(200)).getBytes(StandardCharsets.US_ASCII);
        HeadScanner scanner = new HeadScanner(LIMITS);
        assertEquals(431, assertThrows(HttpException.class, () -> scanner.scan(bytes, 0, bytes.length)).status().code());
    }

    @Test
    void scannerFindsTheHeadAcrossPiecesExaminingEachByteOnce() {
        byte[] bytes = lines("GET / HTTP/1.1\r\nHost: a\r\n\r\nNEXT").getBytes(StandardCharsets.US_ASCII);
        HeadScanner scanner = new HeadScanner(LIMITS);
        int end = 0;
        boolean complete = false;
        while (!complete) {
            end++;
            complete = scanner.scan(bytes, 0, end);
        }
        assertEquals(bytes.length - 4, scanner.headLength());
        assertEquals(bytes.length - 4, end);
    }

    @Test
    void tooManyFieldsAreRefusedWith431() {
        HttpLimits few = LIMITS.withMaxHeaderCount(2);
        byte[] bytes = lines("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        HeadScanner scanner = new HeadScanner(few);
        assertTrue(scanner.scan(bytes, 0, bytes.length));
        assertEquals(431, assertThrows(HttpException.class,
                () -> new RequestParser(few).parse(bytes, 0, scanner)).status().code());
    }

    private static String unescape(String escaped) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && escaped.charAt(i + 1) == 'r') {
                s.append('\r');
                i++;
            } else if (c == '\\' && escaped.charAt(i + 1) == 'n') {
                s.append('\n');
                i++;
            } else if (c == '\\' && escaped.charAt(i + 1) == 'u') {
                s.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
