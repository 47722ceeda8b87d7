package dev.weft.http.files;

import dev.weft.core.files.ServedDirectory;
import dev.weft.http.HttpException;
import dev.weft.http.HttpHandler;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;

/**
 * Serves the files under a root directory: route it as {@code GET /prefix/*}, and the rest of
 * the path (the {@code "*"} path parameter) names the file; without that parameter the whole
 * request path does. A directory is served by its {@code index.html}.
 *
 * <p><b>No way out of the root.</b> The path is percent-decoded once and checked by the
 * {@link ServedDirectory} (no {@code .} or {@code ..} segment, backslash, NUL or drive colon, and
 * a real path, symbolic links followed, inside the root's). Every refusal, like a missing file,
 * is a plain {@code 404} (an {@link HttpException}, so the error model gives it the same body as
 * any other 404), and nothing tells an attacker what exists outside.
 *
 * <p><b>Caching and ranges.</b> Responses carry {@code Last-Modified} and a strong
 * {@code ETag} (size and modification time); {@code If-None-Match} (which takes precedence)
 * and {@code If-Modified-Since} yield {@code 304}. A single {@code Range} yields {@code 206}, or
 * {@code 416} when no byte is in it; several ranges, a malformed header, or an
 * {@code If-Range} that no longer matches yield the whole file. Bodies are sent with
 * {@code FileChannel.transferTo}.
 */
public final class StaticFiles implements HttpHandler {

    private final ServedDirectory directory;

    /**
     * Serves the directory {@code root}.
     *
     * @param root the directory whose files are served
     * @throws IOException when {@code root} is not an existing directory
     */
    public StaticFiles(Path root) throws IOException {
        this.directory = ServedDirectory.of(root);
    }

    /** {@return the real path of the directory served} */
    public Path root() {
        return directory.root();
    }

    @Override
    public Response handle(Request request) throws IOException {
        Optional<Path> file = resolve(Representation.requestedName(request));
        if (file.isEmpty()) {
            return notFound();
        }
        BasicFileAttributes attributes = Files.readAttributes(file.get(), BasicFileAttributes.class);
        return serve(request, file.get(), attributes);
    }

    /** The file under the root that {@code relative} (decoded) names, if it is safe and exists. */
    Optional<Path> resolve(String relative) throws IOException {
        Optional<Path> real;
        try {
            real = directory.existing(relative);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        if (real.isEmpty()) {
            return real;
        }
        if (Files.isDirectory(real.get())) {
            Path index = real.get().resolve("index.html");
            if (!Files.isRegularFile(index)) {
                return Optional.empty();
            }
            Path realIndex = index.toRealPath();
            return directory.contains(realIndex) ? Optional.of(realIndex) : Optional.empty();
        }
        return Files.isRegularFile(real.get()) && Files.isReadable(real.get()) ? real : Optional.empty();
    }

    private static Response serve(Request request, Path file, BasicFileAttributes attributes) throws IOException {
        long size = attributes.size();
        Instant modified = attributes.lastModifiedTime().toInstant();
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.toEpochMilli()) + "\"";
        return new Representation(size, modified, etag, ContentTypes.of(file.getFileName().toString()))
                .serve(request, (position, length) -> new Response.FileRegion(file, position, length));
    }

    private static Response notFound() {
        throw new HttpException(Status.NOT_FOUND_404);
    }
}
