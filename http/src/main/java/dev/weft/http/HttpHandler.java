package dev.weft.http;

/**
 * Handles one request on the connection's virtual thread. Blocking is expected.
 *
 * <p>A handler that throws {@link HttpException} is answered with that status; any other
 * exception yields {@code 500 Internal Server Error} with a generic body, and the exception is
 * logged once by the server, never sent to the client.
 */
@FunctionalInterface
public interface HttpHandler {

    /**
     * Produces the response to {@code request}.
     *
     * @param request the request; its body may be read at most once
     * @return the response, never {@code null}
     * @throws Exception anything; see the class comment for the outcome
     */
    Response handle(Request request) throws Exception;
}
