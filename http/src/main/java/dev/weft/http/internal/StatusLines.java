package dev.weft.http.internal;

import dev.weft.http.Status;
import java.nio.charset.StandardCharsets;

/** The encoded status line of each status, built on first use and shared by all connections. */
final class StatusLines {

    private record Line(Status status, byte[] bytes) {
    }

    private static final Line[] CACHE = new Line[600];

    private StatusLines() {
    }

    /** {@code HTTP/1.1 <code> <reason>\r\n}. */
    static byte[] of(Status status) {
        Line line = CACHE[status.code()];
        if (line == null || !line.status().equals(status)) {
            line = new Line(status, ("HTTP/1.1 " + status.code() + " " + status.reason() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CACHE[status.code()] = line;
        }
        return line.bytes();
    }
}
