package dev.weft.http;

import java.util.List;

/**
 * Cross-cutting work around handlers — access logs, request ids, authentication — run by the
 * {@link Router} around every request, including those answered 404 or 405.
 *
 * <p>A filter receives the request and the rest of the chain; it may answer on its own, change
 * the request or the response, or measure the call. Filters run in the order given: the first
 * is the outermost, so its "before" work runs first and its "after" work last.
 */
@FunctionalInterface
public interface Filter {

    /**
     * Handles {@code request}, usually by calling {@code next}.
     *
     * @param request the request
     * @param next    the rest of the chain: later filters, then the route's handler
     * @return the response
     */
    Response filter(Request request, HttpHandler next) throws Exception;

    /** Work done before the handler (which then sees the request {@code action} returns). */
    static Filter before(Before action) {
        return (request, next) -> next.handle(action.before(request));
    }

    /** Work done after the handler, which may replace the response. */
    static Filter after(After action) {
        return (request, next) -> action.after(request, next.handle(request));
    }

    /** One filter running {@code filters} in order, the first outermost. */
    static Filter chain(List<Filter> filters) {
        List<Filter> copy = List.copyOf(filters);
        return (request, next) -> wrap(copy, next).handle(request);
    }

    /** {@code handler} with {@code filters} around it, the first outermost. */
    static HttpHandler wrap(List<Filter> filters, HttpHandler handler) {
        HttpHandler wrapped = handler;
        for (int i = filters.size() - 1; i >= 0; i--) {
            Filter filter = filters.get(i);
            HttpHandler inner = wrapped;
            wrapped = request -> filter.filter(request, inner);
        }
        return wrapped;
    }

    /** The work of a {@link #before} filter. */
    @FunctionalInterface
    interface Before {
        /** Returns the request to continue with, usually {@code request} itself. */
        Request before(Request request) throws Exception;
    }

    /** The work of an {@link #after} filter. */
    @FunctionalInterface
    interface After {
        /** Returns the response to send, usually {@code response} itself. */
        Response after(Request request, Response response) throws Exception;
    }
}
