package dev.weft.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * A file uploaded in a {@code multipart/form-data} form: small ones held in memory, larger ones
 * (see {@link FormLimits#memoryThresholdBytes()}) in a temporary file that the server deletes
 * once the response has been sent. To keep an upload, {@link #moveTo(Path)} it.
 *
 * <p>The {@linkplain #fileName() file name} and {@linkplain #contentType() content type} are what
 * the client claims: never use the name as a path, never trust the type.
 */
public final class FormFile {

    private final String field;
    private final String fileName;
    private final String contentType;
    private final long size;
    private final byte[] bytes;
    private Path path;

    private FormFile(String field, String fileName, String contentType, long size, byte[] bytes, Path path) {
        this.field = Objects.requireNonNull(field, "field");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.size = size;
        this.bytes = bytes;
        this.path = path;
    }

    /**
     * A file held in memory.
     *
     * @param field       the form field it was sent as
     * @param fileName    the name the client gave, without any directory
     * @param contentType the type the client gave
     * @param bytes       the content; not copied
     * @return the file
     */
    public static FormFile inMemory(String field, String fileName, String contentType, byte[] bytes) {
        return new FormFile(field, fileName, contentType, bytes.length, bytes, null);
    }

    /**
     * A file held in a temporary file, which the server deletes after the response.
     *
     * @param field       the form field it was sent as
     * @param fileName    the name the client gave, without any directory
     * @param contentType the type the client gave
     * @param path        the temporary file
     * @param size        its size in bytes
     * @return the file
     */
    public static FormFile onDisk(String field, String fileName, String contentType, Path path, long size) {
        return new FormFile(field, fileName, contentType, size, null, Objects.requireNonNull(path, "path"));
    }

    /**
     * The form field the file was sent as.
     *
     * @return the field's name
     */
    public String field() {
        return field;
    }

    /**
     * The file name the client gave, without any directory part; possibly empty.
     *
     * @return the name
     */
    public String fileName() {
        return fileName;
    }

    /**
     * The content type the client gave; {@code application/octet-stream} when none.
     *
     * @return the type
     */
    public String contentType() {
        return contentType;
    }

    /**
     * The size in bytes.
     *
     * @return the size
     */
    public long size() {
        return size;
    }

    /**
     * The temporary file holding the content, while there is one.
     *
     * @return the path; empty for a file held in memory, or once moved
     */
    public Optional<Path> temporaryPath() {
        return Optional.ofNullable(path);
    }

    /**
     * Opens the content.
     *
     * @return a new stream over the content
     * @throws IOException when the temporary file cannot be read (or was moved away)
     */
    public InputStream open() throws IOException {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        if (path == null) {
            throw new IOException("upload " + fileName + " was moved away");
        }
        return Files.newInputStream(path);
    }

    /**
     * The whole content; for a large file, mind the heap.
     *
     * @return the content
     * @throws IOException when the temporary file cannot be read
     */
    public byte[] bytes() throws IOException {
        if (bytes != null) {
            return bytes.clone();
        }
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /**
     * Keeps the upload at {@code target} (a rename when it is on the same file system as the
     * temporary file), so the server does not delete it.
     *
     * @param target where to put it; must not exist yet
     * @throws IOException when it cannot be moved or written, or {@code target} exists
     */
    public void moveTo(Path target) throws IOException {
        if (bytes != null) {
            Files.write(target, bytes, StandardOpenOption.CREATE_NEW);
            return;
        }
        if (path == null) {
            throw new IOException("upload " + fileName + " was moved away already");
        }
        Files.move(path, target);
        path = null;
    }

    /** Deletes the temporary file, if any is left; returns whether one was deleted. */
    boolean deleteTemporaryFile() throws IOException {
        Path left = path;
        path = null;
        return left != null && Files.deleteIfExists(left);
    }

    @Override
    public String toString() {
        return "FormFile[" + field + ": " + fileName + ", " + contentType + ", " + size + " bytes]";
    }
}
