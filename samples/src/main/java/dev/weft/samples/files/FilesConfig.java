package dev.weft.samples.files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The file server's root and limits.
 *
 * @param root           the directory served; nothing outside it can be read or written
 * @param maxNameBytes   the longest name (a path relative to the root) in UTF-8 bytes; default
 *                       1,024
 * @param maxFileBytes   the largest upload accepted; default 16 GiB. Bigger uploads are refused
 *                       before any data is sent
 * @param maxFrameBytes  the longest request frame; default 4 KiB, plenty for a name and an
 *                       offset. A longer frame closes the connection
 * @param maxListEntries the most entries in one listing; more are cut off and the listing is
 *                       marked truncated. Default 1,000
 * @param bufferBytes    the copy buffer for uploads and hashing; default 64 KiB
 */
public record FilesConfig(Path root, int maxNameBytes, long maxFileBytes, int maxFrameBytes,
                          int maxListEntries, int bufferBytes) {

    /** Validates every component. */
    public FilesConfig {
        Objects.requireNonNull(root, "root");
        requirePositive(maxNameBytes, "maxNameBytes");
        requirePositive(maxFrameBytes, "maxFrameBytes");
        requirePositive(maxListEntries, "maxListEntries");
        requirePositive(bufferBytes, "bufferBytes");
        if (maxFileBytes < 0) {
            throw new IllegalArgumentException("maxFileBytes must be >= 0: " + maxFileBytes);
        }
        if (maxNameBytes > 0xFFFF) {
            throw new IllegalArgumentException("maxNameBytes must fit a u16: " + maxNameBytes);
        }
    }

    /** The documented defaults, serving {@code root}. */
    public static FilesConfig of(Path root) {
        return new FilesConfig(root, 1_024, 16L << 30, 4_096, 1_000, 64 * 1_024);
    }

    /** A copy with {@link #maxFileBytes()} changed. */
    public FilesConfig withMaxFileBytes(long value) {
        return new FilesConfig(root, maxNameBytes, value, maxFrameBytes, maxListEntries, bufferBytes);
    }

    /** A copy with {@link #maxListEntries()} changed. */
    public FilesConfig withMaxListEntries(int value) {
        return new FilesConfig(root, maxNameBytes, maxFileBytes, maxFrameBytes, value, bufferBytes);
    }

    private static void requirePositive(int value, String component) {
        if (value <= 0) {
            throw new IllegalArgumentException(component + " must be > 0: " + value);
        }
    }
}
