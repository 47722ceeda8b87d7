package dev.weft.http.internal;

import dev.weft.http.HttpException;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a handler's failure becomes a response and a log line: an
 * {@link HttpException} becomes its status (DEBUG: the client's request was refused), a request
 * body the client broke becomes 400 (DEBUG), anything else a generic 500 whose cause is logged
 * at ERROR and never sent to the client.
 */
public final class HandlerFailures {

    private static final Logger log = LoggerFactory.getLogger(HandlerFailures.class);

    private HandlerFailures() {
    }

    /** The response to {@code request} whose handling threw {@code failure}. */
    public static Response respond(Request request, Exception failure) {
        if (failure instanceof HttpException e) {
            log.debug("{} answered {}: {}", request, e.status().code(), e.getMessage());
            return ErrorResponses.of(e);
        }
        log.error("handler failed for {}", request, failure);
        return ErrorResponses.internalError();
    }

    /** The response to {@code request} whose body the client broke (cut short, malformed). */
    static Response brokenBody(Request request, Exception failure) {
        log.debug("{} request body failed: {}", request, failure.toString());
        return ErrorResponses.of(new HttpException(Status.BAD_REQUEST_400, "malformed request body"));
    }
}
