package dev.weft.samples.files;

import java.util.List;
import java.util.Objects;

/**
 * The messages of the file transfer protocol; {@link FileProtocol} encodes and decodes them.
 * Requests go from client to server, each answered by exactly one response (or an
 * {@link Error}).
 */
public sealed interface FileMessage {

    /** The type byte of this message on the wire. */
    int type();

    /** {@code LIST}: the entries of a directory; {@code ""} is the root. */
    record ListRequest(String directory) implements FileMessage {
        /** Validates the components. */
        public ListRequest {
            Objects.requireNonNull(directory, "directory");
        }

        @Override
        public int type() {
            return FileProtocol.LIST;
        }
    }

    /** {@code GET}: the bytes of a file from {@code offset} to its end. */
    record GetRequest(String name, long offset) implements FileMessage {
        /** Validates the components. */
        public GetRequest {
            Objects.requireNonNull(name, "name");
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be >= 0: " + offset);
            }
        }

        @Override
        public int type() {
            return FileProtocol.GET;
        }
    }

    /** {@code PUT}: announces an upload of {@code size} bytes whose SHA-256 is {@code sha256}. */
    record PutRequest(String name, long size, Sha256 sha256) implements FileMessage {
        /** Validates the components. */
        public PutRequest {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
            if (size < 0) {
                throw new IllegalArgumentException("size must be >= 0: " + size);
            }
        }

        @Override
        public int type() {
            return FileProtocol.PUT;
        }
    }

    /** {@code HASH}: the size and SHA-256 of a file. */
    record HashRequest(String name) implements FileMessage {
        /** Validates the components. */
        public HashRequest {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public int type() {
            return FileProtocol.HASH;
        }
    }

    /** The kind of a directory entry. */
    enum Kind {
        /** A regular file. */
        FILE,
        /** A directory. */
        DIRECTORY
    }

    /** One directory entry; {@code size} is 0 for a directory. */
    record Entry(String name, Kind kind, long size) {
        /** Validates the components. */
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Answers {@code LIST}; {@code truncated} when there were more entries than the limit. */
    record Listing(boolean truncated, List<Entry> entries) implements FileMessage {
        /** Copies the list. */
        public Listing {
            entries = List.copyOf(entries);
        }

        @Override
        public int type() {
            return FileProtocol.LISTING;
        }
    }

    /**
     * Answers {@code GET}: exactly {@code count} raw bytes of the file follow this frame.
     *
     * @param fileSize the file's whole size
     * @param offset   where the bytes that follow start
     * @param count    how many follow: {@code fileSize - offset}
     */
    record Data(long fileSize, long offset, long count) implements FileMessage {
        @Override
        public int type() {
            return FileProtocol.DATA;
        }
    }

    /** Answers an accepted {@code PUT}: the client now sends exactly {@code size} raw bytes. */
    record Ready(long size) implements FileMessage {
        @Override
        public int type() {
            return FileProtocol.READY;
        }
    }

    /** Ends a {@code PUT}: the file was fsynced, verified and renamed into place. */
    record Stored(long size, Sha256 sha256) implements FileMessage {
        /** Validates the components. */
        public Stored {
            Objects.requireNonNull(sha256, "sha256");
        }

        @Override
        public int type() {
            return FileProtocol.STORED;
        }
    }

    /** Answers {@code HASH}. */
    record HashResult(long size, Sha256 sha256) implements FileMessage {
        /** Validates the components. */
        public HashResult {
            Objects.requireNonNull(sha256, "sha256");
        }

        @Override
        public int type() {
            return FileProtocol.HASH_RESULT;
        }
    }

    /** Answers any request that failed; the connection stays usable. */
    record Error(ErrorCode code, String message) implements FileMessage {
        /** Validates the components. */
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public int type() {
            return FileProtocol.ERROR;
        }
    }
}
