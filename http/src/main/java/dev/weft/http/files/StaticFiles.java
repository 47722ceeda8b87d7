package dev.weft.http.files;

import dev.weft.core.files.ServedDirectory;
import dev.weft.http.Headers;
import dev.weft.http.HttpHandler;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.http.internal.HeaderElements;
import dev.weft.http.internal.HttpDate;
import dev.weft.http.internal.PercentDecoding;
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
 * is a plain {@code 404}, so nothing tells an attacker what exists outside.
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
     * @throws IOException when {@code root} is not an existing directory
     */
    public StaticFiles(Path root) throws IOException {
        this.directory = ServedDirectory.of(root);
    }

    /** The real path of the directory served. */
    public Path root() {
        return directory.root();
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
            for (String tag : HeaderElements.of(ifNoneMatch.get())) {
                String candidate = tag;
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
