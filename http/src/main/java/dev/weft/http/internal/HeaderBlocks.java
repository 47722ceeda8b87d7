package dev.weft.http.internal;

import dev.weft.http.Headers;
import java.nio.charset.StandardCharsets;

/**
 * The encoded header lines of {@link Headers} instances that responses use again and again —
 * a constant response built once, as a benchmark endpoint or a fixed error page does — so they
 * are copied as one block instead of being encoded field by field each time.
 *
 * <p>A small table shared by all connections, keyed by identity: an instance is encoded on its
 * second use in a row of its slot, so headers built per request cost one small entry and never
 * an encoding they will not reuse. Entries are immutable records, so racing writers are benign.
 */
final class HeaderBlocks {

    private record Entry(Headers headers, byte[] encoded) {
    }

    private static final int SLOTS = 64;
    private static final Entry[] TABLE = new Entry[SLOTS];

    private HeaderBlocks() {
    }

    /**
     * The encoded lines of {@code headers} if it was seen just before in its slot, else null
     * (and it is remembered, so its next use is encoded once and reused).
     */
    static byte[] encodedIfRepeated(Headers headers) {
        int slot = System.identityHashCode(headers) & (SLOTS - 1);
        Entry entry = TABLE[slot];
        if (entry == null || entry.headers() != headers) {
            TABLE[slot] = new Entry(headers, null);
            return null;
        }
        if (entry.encoded() != null) {
            return entry.encoded();
        }
        byte[] encoded = encode(headers);
        TABLE[slot] = new Entry(headers, encoded);
        return encoded;
    }

    private static byte[] encode(Headers headers) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            lines.append(headers.name(i)).append(": ").append(headers.value(i)).append("\r\n");
        }
        return lines.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
