package dev.weft.http.internal;

import dev.weft.http.HttpException;
import dev.weft.http.HttpHandler;
import dev.weft.http.Request;
import dev.weft.http.Response;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a handler's outcome becomes a response, for every protocol: its response;
 * for an {@link HttpException} its status; for a failure the client caused (a malformed or
 * reset request body, as the protocol tells) the protocol's answer, logged at DEBUG; for
 * anything else a generic 500, the cause logged once at ERROR and never sent.
 *
 * <p>HTTP/2 streams use it now; the HTTP/1.1 loop's own copy is to move here when the seams
 * work lands (see the HTTP/2 handover note).
 */
public final class HandlerDispatch {

    private static final Logger log = LoggerFactory.getLogger(HandlerDispatch.class);

    /** How a protocol tells a failure the client caused, and what it answers then. */
    @FunctionalInterface
    public interface ClientFault {
        /** The response for {@code failure} when the client caused it, else null. */
        Response answer(Exception failure);
    }

    private HandlerDispatch() {
    }

    /**
     * Runs {@code handler} on {@code request}.
     *
     * @param where       names the connection (and stream) in log lines
     * @param clientFault the protocol's view of client-caused failures
     */
    public static Response dispatch(HttpHandler handler, Request request, Supplier<String> where,
                                    ClientFault clientFault) {
        try {
            Response response = handler.handle(request);
            if (response == null) {
                throw new IllegalStateException("handler returned no response");
            }
            return response;
        } catch (HttpException e) {
            return ErrorResponses.of(e);
        } catch (Exception e) {
            Response answer = clientFault.answer(e);
            if (answer != null) {
                log.debug("{} request failed by the client's doing for {}: {}", where.get(), request, e.toString());
                return answer;
            }
            log.error("{} handler failed for {}", where.get(), request, e);
            return ErrorResponses.internalError();
        }
    }
}
