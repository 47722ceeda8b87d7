package dev.weft.samples.http;

import dev.weft.http.HttpHandler;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the page bundled in the jar at {@code /static/} and {@code /static/index.html}, for
 * when no {@code --static DIR} is given; every other path under {@code /static/} is 404.
 */
final class BundledPage implements HttpHandler {

    private static final String RESOURCE = "index.html";

    private final Response page;

    private BundledPage(byte[] html) {
        this.page = Response.bytes(Status.OK_200, "text/html; charset=utf-8", html);
    }

    /** Loads the bundled page from the class path. */
    static BundledPage load() {
        try (InputStream in = BundledPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled page " + RESOURCE + " is missing from the class path");
            }
            return new BundledPage(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled page", e);
        }
    }

    @Override
    public Response handle(Request request) {
        String rest = request.pathParameters().getOrDefault("*", "");
        if (rest.isEmpty() || rest.equals(RESOURCE)) {
            return page;
        }
        return Response.text(Status.NOT_FOUND_404, "Not Found\n");
    }
}
