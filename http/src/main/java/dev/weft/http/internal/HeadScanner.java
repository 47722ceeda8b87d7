package dev.weft.http.internal;

import dev.weft.http.HttpException;
import dev.weft.http.HttpLimits;
import dev.weft.http.Status;

/**
 * Finds the end of a request head (the empty line) in bytes that arrive piecewise, enforcing
 * the request-line and header-section limits as the bytes come — so an over-long line is
 * refused before it is complete — and remembering where it stopped, so each byte is examined
 * once however the head is split.
 *
 * <p>Lines end with CRLF or a lone LF (RFC 9112 §2.2 lets a recipient accept the latter); a CR
 * anywhere else is refused later by {@link RequestParser}. Empty lines before the request line
 * are skipped (§2.2), counted against the request-line limit. Offsets are relative to the start
 * of the head, so the caller may move the bytes between calls.
 */
public final class HeadScanner {

    private final int maxRequestLineBytes;
    private final int maxHeaderBytes;

    private int scanned;
    private int lineStart;
    private int requestLineStart;
    private int requestLineEnd;
    private int fieldsStart;
    private int headEnd;
    private boolean requestLineSeen;

    /**
     * A scanner enforcing the line and header-section limits of {@code limits}.
     *
     * @param limits the server's limits; only the request line and header section ones are used
     */
    public HeadScanner(HttpLimits limits) {
        this.maxRequestLineBytes = limits.maxRequestLineBytes();
        this.maxHeaderBytes = limits.maxHeaderBytes();
    }

    /**
     * The most bytes a head can occupy, so buffers can be bounded.
     *
     * @param limits the server's limits
     * @return the bound, in bytes: twice the request line limit (empty lines before it count
     *     too) plus the header section limit and the final empty line
     */
    public static int maxHeadBytes(HttpLimits limits) {
        return 2 * limits.maxRequestLineBytes() + limits.maxHeaderBytes() + 4;
    }

    /** Forgets the previous head. */
    public void reset() {
        scanned = 0;
        lineStart = 0;
        requestLineStart = 0;
        requestLineEnd = 0;
        fieldsStart = 0;
        headEnd = 0;
        requestLineSeen = false;
    }

    /**
     * Scans {@code bytes[start .. limit)}, where {@code start} is the first byte of the head.
     * Bytes scanned by earlier calls since {@link #reset()} are not scanned again.
     *
     * @param bytes the buffer holding the head
     * @param start the index of the head's first byte
     * @param limit the index after the last byte received
     * @return whether the head is complete; {@link #headLength()} then tells its size
     * @throws HttpException 414 for a request line over the limit, 431 for a header section over
     *     the limit, 400 for too many empty lines before the request line
     */
    public boolean scan(byte[] bytes, int start, int limit) {
        for (int i = start + scanned; i < limit; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            int at = i - start;
            int lineEnd = at > lineStart && bytes[i - 1] == '\r' ? at - 1 : at;
            if (!requestLineSeen) {
                endRequestLine(at, lineEnd);
            } else if (endFieldLine(at, lineEnd)) {
                scanned = at + 1;
                return true;
            }
        }
        scanned = limit - start;
        checkPartialLine();
        return false;
    }

    private void endRequestLine(int at, int lineEnd) {
        if (lineEnd == lineStart) {
            lineStart = at + 1;
            requestLineStart = at + 1;
            if (requestLineStart > maxRequestLineBytes) {
                throw new HttpException(Status.BAD_REQUEST_400, "too many empty lines before the request line");
            }
            return;
        }
        if (lineEnd - lineStart > maxRequestLineBytes) {
            throw requestLineTooLong();
        }
        requestLineSeen = true;
        requestLineEnd = lineEnd;
        lineStart = at + 1;
        fieldsStart = at + 1;
    }

    private boolean endFieldLine(int at, int lineEnd) {
        if (at + 1 - fieldsStart > maxHeaderBytes) {
            throw headerSectionTooLarge();
        }
        if (lineEnd == lineStart) {
            headEnd = at + 1;
            return true;
        }
        lineStart = at + 1;
        return false;
    }

    private void checkPartialLine() {
        if (!requestLineSeen) {
            // One byte of slack for the CR that may precede the LF.
            if (scanned - lineStart > maxRequestLineBytes + 1) {
                throw requestLineTooLong();
            }
        } else if (scanned - fieldsStart > maxHeaderBytes) {
            throw headerSectionTooLarge();
        }
    }

    private HttpException requestLineTooLong() {
        return new HttpException(Status.URI_TOO_LONG_414,
                "request line exceeds " + maxRequestLineBytes + " bytes");
    }

    private HttpException headerSectionTooLarge() {
        return new HttpException(Status.REQUEST_HEADER_FIELDS_TOO_LARGE_431,
                "header section exceeds " + maxHeaderBytes + " bytes");
    }

    /** {@return whether any byte of a request line (not just empty lines) has been seen} */
    public boolean started() {
        return scanned > requestLineStart;
    }

    /** {@return the size of the complete head, in bytes, including its final empty line} */
    public int headLength() {
        return headEnd;
    }

    /** Where the request line starts, relative to the head. */
    int requestLineStart() {
        return requestLineStart;
    }

    /** Where the request line ends (before its CR LF), relative to the head. */
    int requestLineEnd() {
        return requestLineEnd;
    }

    /** Where the first field line starts, relative to the head. */
    int fieldsStart() {
        return fieldsStart;
    }
}
