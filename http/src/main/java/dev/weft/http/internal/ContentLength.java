package dev.weft.http.internal;

/**
 * The one parser of {@code Content-Length} field values (RFC 9110 §8.6): one or more decimal
 * lengths separated by commas, which must all be equal ({@code "5, 5"} is 5; {@code "5, 6"} is
 * malformed), each at most 18 digits so that it fits a {@code long}. No sign, no whitespace inside
 * a number, no empty value: anything looser is a request-smuggling vector.
 */
public final class ContentLength {

    /** The most digits accepted: every 18-digit number fits a {@code long}. */
    static final int MAX_DIGITS = 18;

    private ContentLength() {
    }

    /** Why a value was refused, as a short phrase for the caller's error. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The length a {@code Content-Length} field value declares.
     *
     * @param value the field value; a list of equal values counts as one
     * @return the declared length in bytes, &gt;= 0
     * @throws MalformedException naming the problem: empty, too large, invalid, or conflicting values
     */
    public static long parse(String value) throws MalformedException {
        long length = -1;
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? value.length() : comma;
            long element = parseNumber(value, HttpChars.trimStart(value, start, end), HttpChars.trimEnd(value, start, end));
            if (length >= 0 && length != element) {
                throw new MalformedException("conflicting Content-Length values");
            }
            length = element;
            start = end + 1;
        }
        return length;
    }

    private static long parseNumber(String value, int from, int to) throws MalformedException {
        if (from >= to) {
            throw new MalformedException("empty Content-Length");
        }
        if (to - from > MAX_DIGITS) {
            throw new MalformedException("Content-Length too large");
        }
        long length = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedException("invalid Content-Length");
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }
}
