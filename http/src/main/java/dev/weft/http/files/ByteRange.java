package dev.weft.http.files;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The outcome of a {@code Range} header against a file of known size (RFC 9110 §14): one
 * satisfiable range, an unsatisfiable one (416), or a header to ignore (malformed, another unit,
 * or several ranges — which this server answers with the whole file, as the RFC allows).
 */
sealed interface ByteRange {

    /**
     * Bytes {@code [start, start + length)}.
     *
     * @param start  the first byte
     * @param length how many bytes
     */
    record Satisfiable(long start, long length) implements ByteRange {
        /** The {@code Content-Range} value for a file of {@code size} bytes. */
        String contentRange(long size) {
            return "bytes " + start + "-" + (start + length - 1) + "/" + size;
        }
    }

    /** No byte of the file is in the range: 416 with {@code Content-Range: bytes *}{@code /size}. */
    record Unsatisfiable() implements ByteRange {
    }

    /** Serve the whole file. */
    record Ignored() implements ByteRange {
    }

    /** Evaluates {@code header} against a file of {@code size} bytes. */
    static ByteRange parse(String header, long size) {
        String value = header.trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return new Ignored();
        }
        String spec = value.substring("bytes=".length()).trim();
        if (spec.indexOf(',') >= 0) {
            return new Ignored();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Ignored();
        }
        String firstText = spec.substring(0, dash).trim();
        String lastText = spec.substring(dash + 1).trim();
        boolean hasFirst = !firstText.isEmpty();
        boolean hasLast = !lastText.isEmpty();
        OptionalLong firstNumber = number(firstText);
        OptionalLong lastNumber = number(lastText);
        if ((hasFirst && firstNumber.isEmpty()) || (hasLast && lastNumber.isEmpty()) || (!hasFirst && !hasLast)) {
            return new Ignored();
        }
        long first = firstNumber.orElse(0);
        long last = lastNumber.orElse(0);
        if (!hasFirst) {
            return last == 0 || size == 0 ? new Unsatisfiable()
                    : new Satisfiable(Math.max(0, size - last), Math.min(last, size));
        }
        if (hasLast && last < first) {
            return new Ignored();
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        long end = hasLast ? Math.min(last, size - 1) : size - 1;
        return new Satisfiable(first, end - first + 1);
    }

    /** A non-negative decimal of at most 18 digits; empty when the text is not one. */
    private static OptionalLong number(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return OptionalLong.empty();
        }
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            n = n * 10 + (c - '0');
        }
        return OptionalLong.of(n);
    }
}
