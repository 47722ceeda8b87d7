package dev.weft.http.internal;

import dev.weft.http.ExceptionMapping;
import dev.weft.http.HttpException;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes a response and a log line, for every protocol and every
 * stage — a handler's exception, a filter's, a request the server refused before routing:
 * <ol>
 *   <li>a failure while the request body is {@linkplain ClientBody#broken() broken} is the
 *       client's: it is treated as {@code 400 malformed request body} (DEBUG);</li>
 *   <li>the application's {@link ExceptionMapping} for the exception's class or nearest superclass
 *       answers (DEBUG); if the mapper fails or returns nothing, a generic 500 (ERROR);</li>
 *   <li>with no mapping, an {@link HttpException} is answered with its status, headers and
 *       message (DEBUG: the request was refused, the server is fine);</li>
 *   <li>anything else is a generic 500 whose cause is logged at ERROR, once, and never sent.</li>
 * </ol>
 * Bodies are the default problem details or text of {@link ErrorResponses}. The lookup only
 * happens when something failed: a request that succeeds never gets here.
 */
public final class HandlerFailures {

    private static final Logger log = LoggerFactory.getLogger(HandlerFailures.class);
    private static final HttpException BROKEN_BODY =
            new HttpException(Status.BAD_REQUEST_400, "malformed request body");

    private final Map<Class<?>, ExceptionMapping> mappings;

    /**
     * The error model with the application's {@code mappings}.
     *
     * @param mappings the application's mappings
     * @throws IllegalStateException for two mappings of one type
     */
    public HandlerFailures(Collection<ExceptionMapping> mappings) {
        Map<Class<?>, ExceptionMapping> byType = new HashMap<>();
        for (ExceptionMapping mapping : mappings) {
            ExceptionMapping earlier = byType.put(mapping.type(), mapping);
            if (earlier != null) {
                throw new IllegalStateException("two exception mappings for " + mapping.type().getName());
            }
        }
        this.mappings = Map.copyOf(byType);
    }

    /**
     * The response to {@code request} whose handling threw {@code failure}.
     *
     * @param request the request as the failing stage saw it
     * @param failure what was thrown
     * @return the response; never null
     */
    public Response respond(Request request, Exception failure) {
        Exception cause = failure;
        if (!(failure instanceof HttpException) && request.body() instanceof ClientBody body && body.broken()) {
            log.debug("{} request body failed: {}", request, failure.toString());
            cause = BROKEN_BODY;
        }
        for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
            ExceptionMapping mapping = mappings.get(type);
            if (mapping != null) {
                return mapped(mapping, cause, request);
            }
            if (type == HttpException.class) {
                HttpException refused = (HttpException) cause;
                log.debug("{} answered {}: {}", request, refused.status().code(), refused.getMessage());
                return ErrorResponses.of(refused, request);
            }
        }
        log.error("handler failed for {}", request, cause);
        return ErrorResponses.internalError(request);
    }

    private static Response mapped(ExceptionMapping mapping, Exception cause, Request request) {
        try {
            Response response = mapping.map(cause, request);
            if (response == null) {
                throw new IllegalStateException("the exception mapper for " + mapping.type().getName()
                        + " returned no response");
            }
            log.debug("{} {} answered {} by its mapper", request, cause.getClass().getName(), response.status().code());
            return response;
        } catch (Exception e) {
            if (e != cause) {
                e.addSuppressed(cause);
            }
            log.error("the exception mapper for {} failed for {}", mapping.type().getName(), request, e);
            return ErrorResponses.internalError(request);
        }
    }
}
