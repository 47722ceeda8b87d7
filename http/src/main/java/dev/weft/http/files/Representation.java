package dev.weft.http.files;

import dev.weft.http.Headers;
import dev.weft.http.HttpException;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.http.internal.HeaderElements;
import dev.weft.http.internal.HttpDate;
import dev.weft.http.internal.PercentDecoding;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * One file as served — size, modification time, strong entity tag, media type — and the one place
 * that answers a request for it: {@code 304} when the client's validators match
 * ({@code If-None-Match}, which takes precedence, else {@code If-Modified-Since}); {@code 206} for
 * a single satisfiable {@code Range} (unless an {@code If-Range} no longer matches), {@code 416}
 * when no byte is in it; else {@code 200} with the whole file. Shared by {@link StaticFiles} and
 * {@link ClassPathFiles}, so a directory and a jar are served alike.
 *
 * @param size         the size in bytes
 * @param lastModified when the content last changed (whole seconds are what HTTP dates carry)
 * @param etag         a strong entity tag, quoted
 * @param contentType  the media type
 */
record Representation(long size, Instant lastModified, String etag, String contentType) {

    /**
     * The name a request for a file asks for: the rest of the path after the route's {@code *},
     * or the whole decoded path without one.
     *
     * @throws HttpException 405 (with {@code Allow}) for methods other than GET and HEAD, 404 for a
     *     malformed escape
     */
    static String requestedName(Request request) {
        if (request.method() != Method.GET && request.method() != Method.HEAD) {
            throw new HttpException(Status.METHOD_NOT_ALLOWED_405, Status.METHOD_NOT_ALLOWED_405.reason(),
                    Headers.of("Allow", "GET, HEAD"));
        }
        String relative = request.pathParameters().get("*");
        if (relative != null) {
            return relative;
        }
        try {
            return PercentDecoding.decode(request.path(), false);
        } catch (IllegalArgumentException e) {
            throw new HttpException(Status.NOT_FOUND_404);
        }
    }

    /** Makes the body of a region of the file. */
    @FunctionalInterface
    interface Bodies {
        /** The body of bytes {@code [position, position + length)}. */
        Response.Body region(long position, long length) throws IOException;
    }

    /** The response to {@code request} (a GET or HEAD) for this representation. */
    Response serve(Request request, Bodies bodies) throws IOException {
        Headers validators = Headers.of("Last-Modified", HttpDate.format(lastModified), "ETag", etag);
        if (notModified(request)) {
            return new Response(Status.NOT_MODIFIED_304, validators, Response.Empty.INSTANCE);
        }
        Headers headers = validators.toBuilder().add("Content-Type", contentType).add("Accept-Ranges", "bytes").build();
        Optional<String> range = request.header("Range");
        if (range.isPresent() && request.method() == Method.GET && rangeStillValid(request)) {
            switch (ByteRange.parse(range.get(), size)) {
                case ByteRange.Satisfiable part -> {
                    return new Response(Status.PARTIAL_CONTENT_206, headers.with("Content-Range", part.contentRange(size)),
                            bodies.region(part.start(), part.length()));
                }
                case ByteRange.Unsatisfiable none -> {
                    return new Response(Status.RANGE_NOT_SATISFIABLE_416, Headers.of("Content-Range", "bytes */" + size),
                            Response.Empty.INSTANCE);
                }
                case ByteRange.Ignored ignored -> {
                    // Fall through to the whole file.
                }
            }
        }
        return new Response(Status.OK_200, headers, bodies.region(0, size));
    }

    private boolean notModified(Request request) {
        Optional<String> ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch.isPresent()) {
            for (String tag : HeaderElements.of(ifNoneMatch.get())) {
                String candidate = tag.startsWith("W/") ? tag.substring(2) : tag;
                if (candidate.equals("*") || candidate.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        return request.header("If-Modified-Since").flatMap(HttpDate::parse)
                .map(since -> lastModified.getEpochSecond() <= since.getEpochSecond())
                .orElse(false);
    }

    private boolean rangeStillValid(Request request) {
        Optional<String> ifRange = request.header("If-Range");
        if (ifRange.isEmpty()) {
            return true;
        }
        String value = ifRange.get().trim();
        if (value.startsWith("\"")) {
            return value.equals(etag);
        }
        return HttpDate.parse(value).map(date -> date.getEpochSecond() == lastModified.getEpochSecond()).orElse(false);
    }
}
