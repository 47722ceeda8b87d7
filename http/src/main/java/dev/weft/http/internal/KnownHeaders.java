package dev.weft.http.internal;

import java.nio.charset.StandardCharsets;

/**
 * The header names met in most requests, so the parser can reuse a constant {@code String}
 * instead of allocating one per field, and recognise the names that drive framing by index.
 */
final class KnownHeaders {

    static final int HOST = 0;
    static final int CONTENT_LENGTH = 1;
    static final int TRANSFER_ENCODING = 2;
    static final int CONNECTION = 3;
    static final int EXPECT = 4;
    static final int UNKNOWN = -1;

    private static final String[] NAMES = {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Expect",
        "Content-Type", "Accept", "Accept-Encoding", "Accept-Language", "User-Agent", "Cookie",
        "Cache-Control", "Authorization", "If-Modified-Since", "If-None-Match", "Range", "If-Range",
        "Origin", "Referer", "Upgrade", "Pragma", "Keep-Alive", "TE", "Trailer",
    };
    private static final byte[][] LOWER = new byte[NAMES.length][];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            LOWER[i] = NAMES[i].toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private KnownHeaders() {
    }

    /** The index of the known name spelled by {@code bytes[from .. from + length)}, any case. */
    static int indexOf(byte[] bytes, int from, int length) {
        for (int i = 0; i < LOWER.length; i++) {
            byte[] lower = LOWER[i];
            if (lower.length == length && equalsIgnoreCase(lower, bytes, from)) {
                return i;
            }
        }
        return UNKNOWN;
    }

    /**
     * The name as a {@code String}: the constant when {@code index} is known and the bytes spell
     * it in the same case, else a new string.
     */
    static String name(int index, byte[] bytes, int from, int length) {
        if (index != UNKNOWN) {
            String constant = NAMES[index];
            boolean same = true;
            for (int i = 0; i < length && same; i++) {
                same = bytes[from + i] == constant.charAt(i);
            }
            if (same) {
                return constant;
            }
        }
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }

    private static boolean equalsIgnoreCase(byte[] lower, byte[] bytes, int from) {
        for (int i = 0; i < lower.length; i++) {
            int b = bytes[from + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lower[i]) {
                return false;
            }
        }
        return true;
    }
}
