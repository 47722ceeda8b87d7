package dev.weft.http;

/**
 * Cross-cutting work around handlers — access logs, request ids, CORS, compression,
 * authentication — run by an {@link HttpPipeline} around <em>every</em> response: routed ones, 404
 * and 405, failures, and requests the server refused before routing (malformed, over a limit, too
 * slow; see {@link RequestContext#refusal()}).
 *
 * <p>A filter receives the request and the rest of the chain; it may answer on its own, change the
 * request or the response, or measure the call. Filters run in a defined order (see
 * {@link OrderedFilter}): the first is the outermost, so its "before" work runs first and its
 * "after" work last.
 *
 * <p><b>{@code next} never throws.</b> Whatever fails inside it — the handler, a later filter —
 * comes back as the response the error model made of it (the application's
 * {@link ExceptionMapping}s, else the default), so "after" work sees every outcome as a response.
 * What this filter throws itself is mapped the same way, and the filters outside it see that
 * response.
 */
@FunctionalInterface
public interface Filter {

    /**
     * Handles {@code request}, usually by calling {@code next}.
     *
     * @param request the request
     * @param next    the rest of the chain: later filters, then the handler; never throws
     * @return the response
     * @throws Exception anything; mapped to a response like a handler's failure
     */
    Response filter(Request request, HttpHandler next) throws Exception;

    /**
     * Work done before the handler, which then sees the request {@code action} returns.
     *
     * @param action the work
     * @return the filter
     */
    static Filter before(Before action) {
        return (request, next) -> next.handle(action.before(request));
    }

    /**
     * Work done after the handler, which may replace the response.
     *
     * @param action the work
     * @return the filter
     */
    static Filter after(After action) {
        return (request, next) -> action.after(request, next.handle(request));
    }

    /** The work of a {@link #before} filter. */
    @FunctionalInterface
    interface Before {
        /**
         * Returns the request to continue with.
         *
         * @param request the request
         * @return the request to continue with, usually {@code request} itself
         * @throws Exception anything; mapped to a response like a handler's failure
         */
        Request before(Request request) throws Exception;
    }

    /** The work of an {@link #after} filter. */
    @FunctionalInterface
    interface After {
        /**
         * Returns the response to send.
         *
         * @param request  the request
         * @param response the response of the rest of the chain
         * @return the response to send, usually {@code response} itself
         * @throws Exception anything; mapped to a response like a handler's failure
         */
        Response after(Request request, Response response) throws Exception;
    }
}
