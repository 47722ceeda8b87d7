package dev.weft.samples.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns names sent by clients into paths that cannot leave the served directory.
 *
 * <p>A name is a relative path with {@code /} separators. Refused with
 * {@link ErrorCode#BAD_NAME}, before the file system is touched: an empty name (except for the
 * root's listing), one longer than the limit, one containing NUL or a backslash, an absolute
 * one, and one with an empty, {@code .} or {@code ..} segment. Then, since a symbolic link
 * inside the root may point outside it, the real path (links resolved) of an existing file, or
 * of an upload's parent directory, must still lie inside the root's real path. Names starting
 * with {@link #TEMP_PREFIX} are reserved for uploads in progress.
 */
final class FileRoot {

    /** The prefix of uploads in progress; such names are hidden and refused. */
    static final String TEMP_PREFIX = ".upload-";

    private final Path root;
    private final int maxNameBytes;

    /**
     * @param root         the directory served; must exist
     * @param maxNameBytes the longest name accepted, in UTF-8 bytes
     */
    FileRoot(Path root, int maxNameBytes) throws IOException {
        this.root = root.toRealPath();
        if (!Files.isDirectory(this.root)) {
            throw new NoSuchFileException(root + " is not a directory");
        }
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
        requireInside(real, name);
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
        requireInside(parent, name);
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
        if (name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0) {
            throw new ProtocolException(ErrorCode.BAD_NAME, "NUL or backslash in name");
        }
        if (name.startsWith("/")) {
            throw new ProtocolException(ErrorCode.BAD_NAME, "absolute name: " + name);
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new ProtocolException(ErrorCode.BAD_NAME, "empty, '.' or '..' segment in " + name);
            }
            if (segment.startsWith(TEMP_PREFIX)) {
                throw new ProtocolException(ErrorCode.BAD_NAME, "reserved name: " + name);
            }
        }
        Path path = root.resolve(name).normalize();
        requireInside(path, name);
        return path;
    }

    private void requireInside(Path path, String name) throws ProtocolException {
        if (!path.startsWith(root)) {
            throw new ProtocolException(ErrorCode.BAD_NAME, name + " leaves the served directory");
        }
    }

    /** The name of {@code path} relative to the root, with {@code /} separators. */
    String nameOf(Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}
