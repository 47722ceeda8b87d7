package dev.weft.samples.files;

import dev.weft.core.files.ServedDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Turns names sent by clients into paths that cannot leave the served directory.
 *
 * <p>A name is a relative path with {@code /} separators. Refused with
 * {@link ErrorCode#BAD_NAME}, before the file system is touched: an empty name (except for the
 * root's listing), one longer than the limit, one with an empty segment, and whatever the
 * {@link ServedDirectory} refuses (NUL, backslash, colon, an absolute name, a {@code .} or
 * {@code ..} segment). Then, since a symbolic link inside the root may point outside it, the real
 * path (links resolved) of an existing file, or of an upload's parent directory, must still lie
 * inside the root's real path. Names starting
 * with {@link #TEMP_PREFIX} are reserved for uploads in progress.
 */
final class FileRoot {

    /** The prefix of uploads in progress; such names are hidden and refused. */
    static final String TEMP_PREFIX = ".upload-";

    private final ServedDirectory directory;
    private final Path root;
    private final int maxNameBytes;

    /**
     * @param root         the directory served; must exist
     * @param maxNameBytes the longest name accepted, in UTF-8 bytes
     */
    FileRoot(Path root, int maxNameBytes) throws IOException {
        this.directory = ServedDirectory.of(root);
        this.root = directory.root();
        this.maxNameBytes = maxNameBytes;
    }

    /** The root's real path. */
    Path path() {
        return root;
    }

    /** An existing file or directory named by a client, links resolved, inside the root. */
    Path existing(String name) throws ProtocolException {
        Path path = name.isEmpty() ? root : lexical(name);
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "no such file: " + name);
        }
        if (!directory.contains(real)) {
            throw new ProtocolException(ErrorCode.BAD_NAME, name + " leaves the served directory");
        }
        return real;
    }

    /** Where an upload named by a client goes; its parent directory must exist inside the root. */
    Path forUpload(String name) throws ProtocolException {
        Path path = lexical(name);
        Path parent;
        try {
            parent = path.getParent().toRealPath();
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "no such directory for " + name);
        }
        if (!directory.contains(parent)) {
            throw new ProtocolException(ErrorCode.BAD_NAME, name + " leaves the served directory");
        }
        Path target = parent.resolve(path.getFileName());
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ProtocolException(ErrorCode.WRONG_KIND, name + " is a directory");
        }
        return target;
    }

    /** Checks the name's syntax and resolves it without touching the file system. */
    private Path lexical(String name) throws ProtocolException {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0) {
            throw new ProtocolException(ErrorCode.BAD_NAME, "empty name");
        }
        if (bytes > maxNameBytes) {
            throw new ProtocolException(ErrorCode.BAD_NAME,
                    "name length (" + bytes + " bytes) exceeds the allowed maximum (" + maxNameBytes + ")");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new ProtocolException(ErrorCode.BAD_NAME, "empty segment in " + name);
            }
            if (segment.startsWith(TEMP_PREFIX)) {
                throw new ProtocolException(ErrorCode.BAD_NAME, "reserved name: " + name);
            }
        }
        try {
            return directory.resolve(name);
        } catch (InvalidPathException e) {
            throw new ProtocolException(ErrorCode.BAD_NAME, e.getReason() + ": " + name);
        }
    }

    /** The name of {@code path} relative to the root, with {@code /} separators. */
    String nameOf(Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}
