package dev.weft.samples.files;

import java.util.Optional;

/** The error codes of {@link FileMessage.Error}, with their numbers on the wire. */
public enum ErrorCode {
    /** A frame that does not decode: unknown type, truncated or trailing bytes, bad UTF-8. */
    BAD_FRAME(1),
    /** A name that is empty, too long, absolute, contains {@code ..}, or leaves the root. */
    BAD_NAME(2),
    /** No such file or directory. */
    NOT_FOUND(3),
    /** A frame or an upload larger than the server allows. */
    TOO_LARGE(4),
    /** A download offset beyond the end of the file. */
    BAD_OFFSET(5),
    /** The uploaded bytes do not have the SHA-256 the client announced. */
    HASH_MISMATCH(6),
    /** The name is a directory where a file is needed, or the other way round. */
    WRONG_KIND(7),
    /** The server failed to read or write its own files. */
    IO_ERROR(8);

    private final int wire;

    ErrorCode(int wire) {
        this.wire = wire;
    }

    /** The code's number on the wire. */
    public int wire() {
        return wire;
    }

    /** The code with this number, if any. */
    public static Optional<ErrorCode> ofWire(int wire) {
        for (ErrorCode code : values()) {
            if (code.wire == wire) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
