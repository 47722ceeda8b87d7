package dev.weft.http.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.http.HttpException;
import dev.weft.http.HttpLimits;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated requests — bytes flipped, inserted, deleted, split at random points — never make the
 * scanner or parser fail with anything but an {@link HttpException}: no index errors, no
 * arithmetic surprises, whatever a client sends.
 */
class RequestParserRobustnessTest {

    private static final HttpLimits LIMITS = HttpLimits.DEFAULTS.withMaxRequestLineBytes(128).withMaxHeaderBytes(256)
            .withMaxHeaderCount(8);
    private static final String[] SEEDS = {
        "GET /a/b?c=d HTTP/1.1\r\nHost: example.com:80\r\nAccept: */*\r\n\r\n",
        "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 5\r\nExpect: 100-continue\r\n\r\n",
        "PUT http://h/p HTTP/1.0\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n",
        "OPTIONS * HTTP/1.1\nHost: [::1]:8080\n\n",
    };
    private static final byte[] INTERESTING = " \t\r\n:;,\"%/?#@[]\0\u007f\u0080\u00ffHTP1.0-9".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void mutatedRequestsOnlyEverFailWithAnHttpStatus() {
        Random random = new Random(20_240_501L);
        RequestParser parser = new RequestParser(LIMITS);
        int parsed = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] bytes = mutate(SEEDS[i % SEEDS.length].getBytes(StandardCharsets.ISO_8859_1).clone(), random);
            HeadScanner scanner = new HeadScanner(LIMITS);
            try {
                int end = 0;
                boolean complete = false;
                while (!complete && end < bytes.length) {
                    end = Math.min(bytes.length, end + 1 + random.nextInt(16));
                    complete = scanner.scan(bytes, 0, end);
                }
                if (complete) {
                    parser.parse(bytes, 0, scanner);
                    parsed++;
                }
            } catch (HttpException expected) {
                assertTrue(expected.status().code() >= 400, expected.status().toString());
            } catch (RuntimeException e) {
                fail("input " + new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n")
                        + " failed with " + e, e);
            }
        }
        assertTrue(parsed > 1_000, "some mutations stay valid: " + parsed);
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed;
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(bytes.length);
            byte b = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt(256);
            switch (random.nextInt(3)) {
                case 0 -> bytes[at] = b;
                case 1 -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = b;
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                default -> {
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                }
            }
        }
        return bytes;
    }
}
