package dev.weft.http.files;

import dev.weft.http.Headers;
import dev.weft.http.HttpHandler;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.http.internal.HttpDate;
import dev.weft.http.internal.PercentDecoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Serves the files under a root directory: route it as {@code GET /prefix/*}, and the rest of
 * the path (the {@code "*"} path parameter) names the file; without that parameter the whole
 * request path does. A directory is served by its {@code index.html}.
 *
 * <p><b>No way out of the root.</b> The path is percent-decoded once, then any {@code .} or
 * {@code ..} segment, backslash, NUL or drive colon is refused, the path is resolved under the
 * root, and its real path — symbolic links followed — must still lie under the root's real
 * path. Every refusal, like a missing file, is a plain {@code 404}, so nothing tells an
 * attacker what exists outside.
 *
 * <p><b>Caching and ranges.</b> Responses carry {@code Last-Modified} and a strong
 * {@code ETag} (size and modification time); {@code If-None-Match} (which takes precedence)
 * and {@code If-Modified-Since} yield {@code 304}. A single {@code Range} yields {@code 206}, or
 * {@code 416} when no byte is in it; several ranges, a malformed header, or an
 * {@code If-Range} that no longer matches yield the whole file. Bodies are sent with
 * {@code FileChannel.transferTo}.
 */
public final class StaticFiles implements HttpHandler {

    private final Path root;

    /**
     * Serves the directory {@code root}.
     *
     * @throws IOException when {@code root} is not an existing directory
     */
    public StaticFiles(Path root) throws IOException {
        Objects.requireNonNull(root, "root");
        this.root = root.toRealPath();
        if (!Files.isDirectory(this.root)) {
            throw new IOException("not a directory: " + root);
        }
    }

    /** The real path of the directory served. */
    public Path root() {
        return root;
    }

    @Override
    public Response handle(Request request) throws IOException {
        if (request.method() != Method.GET && request.method() != Method.HEAD) {
            return Response.text(Status.METHOD_NOT_ALLOWED_405, "Method Not Allowed\n")
                    .withHeader("Allow", "GET, HEAD");
        }
        String relative = request.pathParameters().get("*");
        if (relative == null) {
            try {
                relative = PercentDecoding.decode(request.path(), false);
            } catch (IllegalArgumentException e) {
                return notFound();
            }
        }
        Optional<Path> file = resolve(relative);
        if (file.isEmpty()) {
            return notFound();
        }
        BasicFileAttributes attributes = Files.readAttributes(file.get(), BasicFileAttributes.class);
        return serve(request, file.get(), attributes);
    }

    /** The file under the root that {@code relative} (decoded) names, if it is safe and exists. */
    Optional<Path> resolve(String relative) throws IOException {
        if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0 || relative.indexOf(':') >= 0) {
            return Optional.empty();
        }
        Path path = root;
        try {
            for (String segment : relative.split("/")) {
                if (segment.equals(".") || segment.equals("..")) {
                    return Optional.empty();
                }
                if (!segment.isEmpty()) {
                    path = path.resolve(segment);
                }
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        path = path.normalize();
        if (!path.startsWith(root) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
            return Optional.empty();
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
        if (!real.startsWith(root)) {
            return Optional.empty();
        }
        if (Files.isDirectory(real)) {
            Path index = real.resolve("index.html");
            return Files.isRegularFile(index) && index.toRealPath().startsWith(root)
                    ? Optional.of(index.toRealPath()) : Optional.empty();
        }
        return Files.isRegularFile(real) && Files.isReadable(real) ? Optional.of(real) : Optional.empty();
    }

    private static Response serve(Request request, Path file, BasicFileAttributes attributes) {
        long size = attributes.size();
        Instant modified = attributes.lastModifiedTime().toInstant();
        String lastModified = HttpDate.format(modified);
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.toEpochMilli()) + "\"";
        Headers validators = Headers.of("Last-Modified", lastModified, "ETag", etag);
        if (notModified(request, etag, modified)) {
            return new Response(Status.NOT_MODIFIED_304, validators, Response.Empty.INSTANCE);
        }
        Headers headers = validators.toBuilder()
                .add("Content-Type", ContentTypes.of(file.getFileName().toString()))
                .add("Accept-Ranges", "bytes")
                .build();
        Optional<String> range = request.header("Range");
        if (range.isPresent() && request.method() == Method.GET && rangeStillValid(request, etag, modified)) {
            switch (ByteRange.parse(range.get(), size)) {
                case ByteRange.Satisfiable part -> {
                    return new Response(Status.PARTIAL_CONTENT_206,
                            headers.with("Content-Range", part.contentRange(size)),
                            new Response.FileRegion(file, part.start(), part.length()));
                }
                case ByteRange.Unsatisfiable none -> {
                    return new Response(Status.RANGE_NOT_SATISFIABLE_416,
                            Headers.of("Content-Range", "bytes */" + size), Response.Empty.INSTANCE);
                }
                case ByteRange.Ignored ignored -> {
                    // Fall through to the whole file.
                }
            }
        }
        return new Response(Status.OK_200, headers, new Response.FileRegion(file, 0, size));
    }

    private static boolean notModified(Request request, String etag, Instant modified) {
        Optional<String> ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch.isPresent()) {
            for (String tag : ifNoneMatch.get().split(",")) {
                String candidate = tag.trim();
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.equals("*") || candidate.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        return request.header("If-Modified-Since").flatMap(HttpDate::parse)
                .map(since -> modified.getEpochSecond() <= since.getEpochSecond())
                .orElse(false);
    }

    private static boolean rangeStillValid(Request request, String etag, Instant modified) {
        Optional<String> ifRange = request.header("If-Range");
        if (ifRange.isEmpty()) {
            return true;
        }
        String value = ifRange.get().trim();
        if (value.startsWith("\"")) {
            return value.equals(etag);
        }
        return HttpDate.parse(value).map(date -> date.getEpochSecond() == modified.getEpochSecond()).orElse(false);
    }

    private static Response notFound() {
        return Response.text(Status.NOT_FOUND_404, "Not Found\n");
    }
}
