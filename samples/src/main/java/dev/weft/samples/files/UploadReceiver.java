package dev.weft.samples.files;

import dev.weft.core.BufferedInput;
import dev.weft.core.Connection;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one {@code PUT}: the data streams into a temporary file next to the target, is
 * fsynced, checked against the announced SHA-256 and only then renamed over the target in one
 * atomic step, after which the directory is fsynced too. Whatever goes wrong, the temporary file
 * is deleted: a broken or wrong upload never leaves a half-written file under the real name.
 */
final class UploadReceiver {

    private static final Logger log = LoggerFactory.getLogger(UploadReceiver.class);

    private final FileRoot root;
    private final FilesConfig config;

    UploadReceiver(FileRoot root, FilesConfig config) {
        this.root = root;
        this.config = config;
    }

    /**
     * Runs the upload; returns the answer to send.
     *
     * @throws ProtocolException when refused before any data was sent ({@code READY} not sent)
     * @throws IOException when the connection failed; it must be closed
     */
    FileMessage receive(Connection connection, BufferedInput in, FileMessage.PutRequest put) throws IOException {
        if (put.size() > config.maxFileBytes()) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "upload size (" + put.size()
                    + " bytes) exceeds the allowed maximum (" + config.maxFileBytes() + ")");
        }
        Path target = root.forUpload(put.name());
        Path temp;
        try {
            temp = Files.createTempFile(target.getParent(), FileRoot.TEMP_PREFIX, ".part");
        } catch (IOException e) {
            log.warn("{} cannot create a temporary file for {}: {}", connection, put.name(), e.toString());
            throw new ProtocolException(ErrorCode.IO_ERROR, "cannot store " + put.name());
        }
        try {
            connection.write(FileProtocol.encode(new FileMessage.Ready(put.size())));
            return store(connection, in, put, temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private FileMessage store(Connection connection, BufferedInput in, FileMessage.PutRequest put, Path temp,
                              Path target) throws IOException {
        Received received = copyToFile(in, put.size(), temp);
        if (received.fileError() != null) {
            log.warn("{} writing upload {} failed: {}", connection, put.name(), received.fileError().toString());
            return new FileMessage.Error(ErrorCode.IO_ERROR, "cannot store " + put.name());
        }
        if (!received.sha256().equals(put.sha256())) {
            log.info("{} upload {} refused: SHA-256 {} instead of {}", connection, put.name(),
                    received.sha256(), put.sha256());
            return new FileMessage.Error(ErrorCode.HASH_MISMATCH, "the data's SHA-256 is " + received.sha256()
                    + ", not the announced " + put.sha256());
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(target.getParent());
        } catch (IOException e) {
            log.warn("{} renaming upload {} into place failed: {}", connection, put.name(), e.toString());
            return new FileMessage.Error(ErrorCode.IO_ERROR, "cannot store " + put.name());
        }
        log.info("{} stored {} ({} bytes, SHA-256 {})", connection, put.name(), put.size(), put.sha256());
        return new FileMessage.Stored(put.size(), received.sha256());
    }

    /** What arrived: its digest, and the file error that stopped the writing, if one did. */
    private record Received(Sha256 sha256, IOException fileError) {
    }

    /**
     * Reads exactly {@code size} bytes from the connection into {@code temp}, fsynced. A file
     * error does not stop the reading — the rest is still read and discarded, so the connection
     * stays in step — but it is returned; a connection error is thrown.
     */
    private Received copyToFile(BufferedInput in, long size, Path temp) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[config.bufferBytes()];
        IOException fileError = null;
        try (FileChannel file = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            long remaining = size;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new EOFException("the upload ended " + remaining + " bytes early");
                }
                digest.update(buffer, 0, n);
                remaining -= n;
                fileError = fileError != null ? fileError : write(file, buffer, n);
            }
            if (fileError == null) {
                file.force(true);
            }
        }
        return new Received(new Sha256(digest.digest()), fileError);
    }

    private static IOException write(FileChannel file, byte[] buffer, int length) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    /** Makes the rename durable; some platforms cannot open a directory, which is then skipped. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("cannot fsync directory {}: {}", directory, e.toString());
        }
    }
}
