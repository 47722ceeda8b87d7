package dev.weft.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.core.fixtures.ScriptedConnection;
import dev.weft.http.HttpException;
import dev.weft.http.HttpLimits;
import dev.weft.testing.AllocationBudget;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Fuzzes the chunked body decoder, wired as a connection wires it (its buffer as large as
 * {@link Http1Connection#inboundBufferBytes}, trailers bounded by the header limit): any bytes,
 * arriving in reads of any size and read by the handler in any amounts, give the decoded body,
 * an {@link HttpException} with a 4xx or 5xx status, or an {@link EOFException} when the stream
 * ends mid-body — no other exception, no hang, no allocation in proportion to a chunk size the
 * client merely claims ({@code ffffffff}), and never
 * more decoded bytes than the limit or than arrived.
 *
 * <p>The first input byte picks the size of the network reads, the second that of the handler's
 * reads; the rest is the body. Seeds: {@code
 * src/test/resources/dev/weft/http/internal/ChunkedBodyFuzzTestInputs}.
 */
class ChunkedBodyFuzzTest {

    private static final HttpLimits LIMITS = RequestParserFuzzTest.LIMITS.withMaxBodyBytes(64 * 1024);

    @FuzzTest
    void anyChunkedBodyDecodesOrFailsWithItsStatus(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int bytesPerRead = 1 + (input[0] & 0xff);
        int handlerReadBytes = 1 + (input[1] & 0xff) * 8; // up to 2 KiB: both sides of the direct-read threshold
        byte[] body = Arrays.copyOfRange(input, 2, input.length);
        long decoded = AllocationBudget.assertWithin(AllocationBudget.forInput(input.length),
                () -> decode(body, bytesPerRead, handlerReadBytes));
        assertTrue(decoded <= LIMITS.maxBodyBytes(), "decoded " + decoded + " bytes over the limit");
        assertTrue(decoded <= body.length, "decoded " + decoded + " bytes out of " + body.length);
    }

    /** Reads the whole body; returns how many bytes it decoded, or -1 for a defined failure. */
    private static long decode(byte[] body, int bytesPerRead, int handlerReadBytes) {
        ScriptedConnection connection = ScriptedConnection.of(body, bytesPerRead);
        OutboundBuffer out = new OutboundBuffer(connection);
        InboundBuffer in = new InboundBuffer(connection, out, Http1Connection.inboundBufferBytes(LIMITS));
        ChunkedBody chunked = new ChunkedBody(new BodyInput.BodyContext(in, out, Duration.ofSeconds(1)),
                false, LIMITS.maxBodyBytes(), LIMITS.maxHeaderBytes());
        byte[] destination = new byte[handlerReadBytes];
        long total = 0;
        try {
            for (int n; (n = chunked.read(destination, 0, destination.length)) >= 0; ) {
                total += n;
            }
            assertEquals(-1, chunked.read(destination, 0, 1), "a finished body stays finished");
            return total;
        } catch (HttpException e) {
            int code = e.status().code();
            assertTrue(code >= 400 && code < 600, "not an error status: " + e.status());
            return total;
        } catch (EOFException endedMidBody) {
            return total;
        } catch (IOException e) {
            throw new AssertionError("an undefined I/O failure with no socket involved", e);
        }
    }
}
