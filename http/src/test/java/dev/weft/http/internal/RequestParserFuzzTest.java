package dev.weft.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.http.HttpException;
import dev.weft.http.HttpLimits;
import dev.weft.testing.AllocationBudget;
import java.util.Arrays;

/**
 * Fuzzes the request-head scanner and parser together, as the connection uses them: any bytes,
 * split into reads of any size, give an incomplete head, a parsed head or an {@link HttpException}
 * with a 4xx or 5xx status — no other exception, no hang, no allocation beyond a small multiple
 * of the input (a {@code Content-Length} of a billion allocates nothing). The outcome does not
 * depend on how the bytes were split.
 *
 * <p>The first input byte picks the read size; the rest is the head. Seeds: {@code
 * src/test/resources/dev/weft/http/internal/RequestParserFuzzTestInputs}; {@code scripts/fuzz.sh}
 * runs it in fuzzing mode.
 */
class RequestParserFuzzTest {

    /** Small limits, so that the fuzzer reaches every limit within its input size. */
    static final HttpLimits LIMITS = HttpLimits.DEFAULTS.withMaxRequestLineBytes(256).withMaxHeaderBytes(1_024)
            .withMaxHeaderCount(16).withMaxBodyBytes(1 << 20);

    /** What scanning and parsing made of the input. */
    private record Outcome(String kind, int headLength, RequestHead head) {
        static Outcome incomplete() {
            return new Outcome("incomplete", 0, null);
        }
    }

    @FuzzTest
    void anyHeadIsParsedOrRefusedWithItsStatus(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int bytesPerRead = 1 + (input[0] & 0x3f);
        byte[] head = Arrays.copyOfRange(input, 1, input.length);
        Outcome piecewise = AllocationBudget.assertWithin(AllocationBudget.forInput(input.length),
                () -> scanAndParse(head, bytesPerRead));
        Outcome whole = scanAndParse(head, Math.max(1, head.length));
        assertEquals(whole.kind(), piecewise.kind(), "the outcome depends on how the bytes were split");
        assertEquals(whole.headLength(), piecewise.headLength());
        if (piecewise.head() != null) {
            assertValid(piecewise.head());
        }
    }

    private static Outcome scanAndParse(byte[] bytes, int bytesPerRead) {
        HeadScanner scanner = new HeadScanner(LIMITS);
        try {
            for (int end = Math.min(bytes.length, bytesPerRead); ; end = Math.min(bytes.length, end + bytesPerRead)) {
                if (scanner.scan(bytes, 0, end)) {
                    RequestHead head = new RequestParser(LIMITS).parse(bytes, 0, scanner);
                    return new Outcome("parsed", scanner.headLength(), head);
                }
                if (end == bytes.length) {
                    return Outcome.incomplete();
                }
            }
        } catch (HttpException e) {
            int code = e.status().code();
            assertTrue(code >= 400 && code < 600, "not an error status: " + e.status());
            return new Outcome("refused " + code, 0, null);
        }
    }

    private static void assertValid(RequestHead head) {
        assertTrue(head.path().startsWith("/") || head.path().equals("*"), "path " + head.path());
        assertTrue(head.contentLength() >= 0 && head.contentLength() <= LIMITS.maxBodyBytes(),
                "content length " + head.contentLength());
        assertFalse(head.chunked() && head.contentLength() > 0, "both framings");
        assertTrue(head.headers().size() <= LIMITS.maxHeaderCount(), "headers " + head.headers().size());
        assertTrue(head.target().length() <= LIMITS.maxRequestLineBytes());
    }
}
