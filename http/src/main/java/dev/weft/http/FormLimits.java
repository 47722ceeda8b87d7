package dev.weft.http;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The limits {@link Request#form()} applies to a form body, each refused with {@code 413 Content
 * Too Large} and a message giving both numbers. They apply on top of
 * {@link HttpLimits#maxBodyBytes()}, which bounds every request body: to accept bigger uploads,
 * raise both.
 *
 * @param maxParts             the most fields and files in one form; default 128. Bounds the
 *                             bookkeeping a form can make the server do
 * @param maxFieldBytes        the largest value of a field that is not a file, held in memory;
 *                             default 64 KiB
 * @param maxFileBytes         the largest file; default 10 MiB
 * @param maxTotalBytes        the most bytes of all fields and files together; default 10 MiB
 * @param memoryThresholdBytes the size up to which a file is held in memory; a larger one is
 *                             streamed to a temporary file, deleted once the response has been
 *                             sent (unless the handler moved it with {@link FormFile#moveTo}).
 *                             Default 16 KiB: a larger threshold saves disk writes and costs heap
 *                             per upload in progress
 * @param temporaryDirectory   where uploads go; default empty, the JVM's {@code java.io.tmpdir}
 */
public record FormLimits(int maxParts, int maxFieldBytes, long maxFileBytes, long maxTotalBytes,
                         int memoryThresholdBytes, Optional<Path> temporaryDirectory) {

    /** The documented defaults. */
    public static final FormLimits DEFAULTS = new FormLimits(128, 64 * 1024, 10L << 20, 10L << 20, 16 * 1024,
            Optional.empty());

    /** Validates the components. */
    public FormLimits {
        requirePositive(maxParts, "maxParts");
        requirePositive(maxFieldBytes, "maxFieldBytes");
        requirePositive(maxFileBytes, "maxFileBytes");
        requirePositive(maxTotalBytes, "maxTotalBytes");
        if (memoryThresholdBytes < 0) {
            throw new IllegalArgumentException("memoryThresholdBytes must be >= 0: " + memoryThresholdBytes);
        }
        Objects.requireNonNull(temporaryDirectory, "temporaryDirectory");
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0: " + value);
        }
    }

    /**
     * A copy with another {@link #maxParts()}.
     *
     * @param value the most parts
     * @return the copy
     */
    public FormLimits withMaxParts(int value) {
        return new FormLimits(value, maxFieldBytes, maxFileBytes, maxTotalBytes, memoryThresholdBytes,
                temporaryDirectory);
    }

    /**
     * A copy with another {@link #maxFieldBytes()}.
     *
     * @param value the largest field value
     * @return the copy
     */
    public FormLimits withMaxFieldBytes(int value) {
        return new FormLimits(maxParts, value, maxFileBytes, maxTotalBytes, memoryThresholdBytes, temporaryDirectory);
    }

    /**
     * A copy with another {@link #maxFileBytes()}.
     *
     * @param value the largest file
     * @return the copy
     */
    public FormLimits withMaxFileBytes(long value) {
        return new FormLimits(maxParts, maxFieldBytes, value, maxTotalBytes, memoryThresholdBytes, temporaryDirectory);
    }

    /**
     * A copy with another {@link #maxTotalBytes()}.
     *
     * @param value the most bytes of the whole form
     * @return the copy
     */
    public FormLimits withMaxTotalBytes(long value) {
        return new FormLimits(maxParts, maxFieldBytes, maxFileBytes, value, memoryThresholdBytes, temporaryDirectory);
    }

    /**
     * A copy with another {@link #memoryThresholdBytes()}.
     *
     * @param value the largest file kept in memory
     * @return the copy
     */
    public FormLimits withMemoryThresholdBytes(int value) {
        return new FormLimits(maxParts, maxFieldBytes, maxFileBytes, maxTotalBytes, value, temporaryDirectory);
    }

    /**
     * A copy that puts temporary files in {@code directory}.
     *
     * @param directory an existing directory
     * @return the copy
     */
    public FormLimits withTemporaryDirectory(Path directory) {
        return new FormLimits(maxParts, maxFieldBytes, maxFileBytes, maxTotalBytes, memoryThresholdBytes,
                Optional.of(directory));
    }
}
