package dev.weft.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A directory whose files clients may name, and the one place that makes sure a name cannot lead
 * out of it.
 *
 * <p>A name is a relative path with {@code /} separators, as a client sends it (already
 * percent-decoded, for HTTP). {@link #resolve} refuses, before the file system is touched, a
 * name that contains NUL, a backslash or a colon (Windows separators, drive letters and
 * alternate data streams), an absolute name, and a {@code .} or {@code ..} segment; empty
 * segments ({@code a//b}, a trailing {@code /}) are skipped. Since a symbolic link inside the
 * directory may point anywhere, {@link #existing} then resolves the links and requires the real
 * path to lie inside the directory's real path too.
 */
public final class ServedDirectory {

    private final Path root;

    private ServedDirectory(Path root) {
        this.root = root;
    }

    /**
     * The existing directory {@code root}, by its real path.
     *
     * @param root the directory to serve, not null
     * @return the directory
     * @throws NoSuchFileException when it does not exist
     * @throws NotDirectoryException when it is not a directory
     */
    public static ServedDirectory of(Path root) throws IOException {
        Path real = Objects.requireNonNull(root, "root").toRealPath();
        if (!Files.isDirectory(real)) {
            throw new NotDirectoryException(root.toString());
        }
        return new ServedDirectory(real);
    }

    /** {@return the directory's real path} */
    public Path root() {
        return root;
    }

    /**
     * The path {@code name} names inside the directory, checked lexically only: it may not exist,
     * and a link on the way is not followed yet.
     *
     * @param name a relative name, with {@code /} between its segments
     * @return the path inside the directory
     * @throws InvalidPathException with the reason, when the name is not allowed
     */
    public Path resolve(String name) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\0' || c == '\\' || c == ':') {
                throw new InvalidPathException(name, "NUL, backslash or colon in name", i);
            }
        }
        if (name.startsWith("/")) {
            throw new InvalidPathException(name, "absolute name");
        }
        Path path = root;
        for (String segment : name.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new InvalidPathException(name, "'.' or '..' segment");
            }
            if (!segment.isEmpty()) {
                path = path.resolve(segment);
            }
        }
        if (!path.normalize().startsWith(root)) {
            throw new InvalidPathException(name, "leaves the served directory");
        }
        return path;
    }

    /**
     * The real path (links resolved) of the existing file or directory {@code name} names, if it
     * lies inside the directory.
     *
     * @param name a relative name, with {@code /} between its segments
     * @return empty when nothing exists there
     * @throws InvalidPathException when the name is not allowed or a link leads out of the directory
     * @throws IOException when the file system fails resolving the path
     */
    public Optional<Path> existing(String name) throws IOException {
        Path real;
        try {
            real = resolve(name).toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!contains(real)) {
            throw new InvalidPathException(name, "leaves the served directory through a link");
        }
        return Optional.of(real);
    }

    /**
     * Whether the real path {@code real} lies inside the directory (or is the directory itself).
     *
     * @param real a real path (links resolved)
     * @return true if it lies inside the directory
     */
    public boolean contains(Path real) {
        return real.startsWith(root);
    }

    @Override
    public String toString() {
        return "ServedDirectory[" + root + "]";
    }
}
