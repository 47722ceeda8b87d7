package dev.weft.http;

import dev.weft.core.ServerAware;
import dev.weft.core.ServerScope;
import dev.weft.http.internal.HandlerFailures;
import dev.weft.http.internal.JsonCodecs;
import dev.weft.http.internal.RequestServedEvent;
import dev.weft.http.json.JsonCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a server does with every exchange, whatever the protocol: request in → filters → handler
 * (usually a {@link Router}) → exception mapping → response out. The HTTP/1.1 connection loop runs
 * it for each request, and so will every other protocol engine, so routes, filters and the error
 * model behave the same everywhere.
 *
 * <pre>{@code
 * HttpPipeline pipeline = HttpPipeline.builder(Router.of(routes))
 *         .filter(new RequestIdFilter())
 *         .filter(new AccessLogFilter())
 *         .exception(NoSuchTodo.class, (e, request) -> Response.text(Status.NOT_FOUND_404, "no todo " + e.id()))
 *         .build();
 * HttpServer server = new HttpServer(HttpServerConfig.loopback(8080), pipeline).start();
 * }</pre>
 *
 * <p><b>Every response passes every filter</b>, including 404, 405, 5xx and the requests the
 * server refused before routing ({@link #refuse}); failures anywhere become responses in one place
 * (see {@link ExceptionMapping} for which mapper answers), and a filter's {@code next} never
 * throws. A pipeline is also a plain {@link HttpHandler}: {@link #handle} never throws, so a test
 * can call it with a {@link Request} and look at the response the client would get.
 *
 * <p><b>Cost.</b> The chain is built once; a request with no filters goes straight to the handler
 * through one {@code try}, and the mappings are only looked up when something failed.
 *
 * <p><b>Protocol engines</b> call {@link #handle} (or {@link #refuse}), write the response, and
 * then call {@link #completed} exactly once per response, on every path: that runs the exchange's
 * {@linkplain RequestContext#whenSent sent listeners} (access log, upload clean-up) and commits its
 * {@code dev.weft.RequestServed} JFR event.
 */
public final class HttpPipeline implements HttpHandler, ServerAware {

    private final HttpHandler handler;
    private final List<Filter> filters;
    private final HandlerFailures failures;
    private final JsonCodec jsonCodec;
    private final FormLimits formLimits;
    private final Link chain;
    private final ServerAwareParts serverAware;

    private HttpPipeline(Builder builder) {
        this.handler = builder.handler;
        this.filters = List.copyOf(builder.filters);
        this.failures = new HandlerFailures(builder.mappings);
        this.jsonCodec = builder.jsonCodec;
        this.formLimits = builder.formLimits;
        Link link = new Terminal();
        for (int i = filters.size() - 1; i >= 0; i--) {
            link = new FilterLink(filters.get(i), link);
        }
        this.chain = link;
        List<Object> parts = new ArrayList<>(filters);
        parts.add(handler);
        this.serverAware = new ServerAwareParts(parts);
    }

    /**
     * A pipeline of {@code handler} alone: no filters, the default error model.
     *
     * @param handler the handler, usually a {@link Router}
     * @return the pipeline
     */
    public static HttpPipeline of(HttpHandler handler) {
        return builder(handler).build();
    }

    /**
     * A builder of a pipeline around {@code handler}.
     *
     * @param handler the handler, usually a {@link Router}
     * @return the builder
     */
    public static Builder builder(HttpHandler handler) {
        return new Builder(handler);
    }

    /**
     * Runs the exchange: filters, handler, exception mapping.
     *
     * @param request the request
     * @return the response for the client; never null
     */
    @Override
    public Response handle(Request request) {
        RequestContext context = request.context();
        context.pipeline(this);
        if (context.event() == null) {
            context.event(RequestServedEvent.beginIfEnabled());
        }
        if (jsonCodec == null) {
            return chain.handle(request);
        }
        JsonCodec previous = JsonCodecs.enter(jsonCodec);
        try {
            return chain.handle(request);
        } finally {
            JsonCodecs.leave(previous);
        }
    }

    /**
     * Answers a request the protocol engine refused before routing — malformed, over a limit, too
     * slow — through the same filters and error model as any other: filters see
     * {@link RequestContext#refusal()}, and the end of the chain answers with {@code refusal}.
     *
     * @param request what could be read of the request (see {@link RequestContext#refusal()})
     * @param refusal why it was refused
     * @return the response for the client
     */
    public Response refuse(Request request, HttpException refusal) {
        request.context().refuse(Objects.requireNonNull(refusal, "refusal"));
        return handle(request);
    }

    /**
     * Ends an exchange once its response has been handed to the connection, or could not be:
     * commits its JFR event and runs its sent listeners. Called by protocol engines exactly once
     * per response, on every path; later calls for the same request do nothing.
     *
     * @param request   the request as given to {@link #handle} or {@link #refuse}
     * @param response  the response written
     * @param bodyBytes the body bytes written
     * @param complete  whether the whole response was written
     */
    public void completed(Request request, Response response, long bodyBytes, boolean complete) {
        RequestContext context = request.context();
        if (!context.markSent()) {
            return;
        }
        RequestServedEvent event = context.event();
        if (event != null) {
            event.end();
            if (event.shouldCommit()) {
                event.method = request.method().name();
                event.route = context.route().orElse(response.status().reason());
                event.status = response.status().code();
                event.commit();
            }
        }
        context.runSentListeners(response, bodyBytes, complete);
    }

    /**
     * The handler at the end of the chain.
     *
     * @return the handler, usually a {@link Router}
     */
    public HttpHandler handler() {
        return handler;
    }

    /**
     * The filters, outermost first.
     *
     * @return the filters
     */
    public List<Filter> filters() {
        return filters;
    }

    JsonCodec jsonCodec() {
        return jsonCodec;
    }

    FormLimits formLimits() {
        return formLimits;
    }

    /** Tells the handler and the filters that are {@link ServerAware} that the server started. */
    @Override
    public void serverStarted(ServerScope scope) {
        serverAware.serverStarted(scope);
    }

    /** Tells the handler and the filters that are {@link ServerAware} that the server is stopping. */
    @Override
    public void serverStopping() {
        serverAware.serverStopping();
    }

    @Override
    public String toString() {
        return "HttpPipeline[" + filters.size() + " filters, " + handler + "]";
    }

    /** A step of the chain: never throws, every failure is mapped where it happened. */
    private abstract static class Link implements HttpHandler {
        @Override
        public abstract Response handle(Request request);
    }

    /** The handler, or the refusal of a request refused before routing. */
    private final class Terminal extends Link {
        @Override
        public Response handle(Request request) {
            try {
                HttpException refusal = request.context().refusalOrNull();
                if (refusal != null) {
                    throw refusal;
                }
                Response response = handler.handle(request);
                if (response == null) {
                    throw new IllegalStateException("handler returned no response");
                }
                return response;
            } catch (Exception e) {
                return failures.respond(request, e);
            }
        }
    }

    /** One filter around the rest of the chain. */
    private final class FilterLink extends Link {
        private final Filter filter;
        private final Link next;

        FilterLink(Filter filter, Link next) {
            this.filter = filter;
            this.next = next;
        }

        @Override
        public Response handle(Request request) {
            try {
                Response response = filter.filter(request, next);
                if (response == null) {
                    throw new IllegalStateException("filter " + filter + " returned no response");
                }
                return response;
            } catch (Exception e) {
                return failures.respond(request, e);
            }
        }
    }

    /** Builds an {@link HttpPipeline}. */
    public static final class Builder {
        private final HttpHandler handler;
        private final List<Filter> filters = new ArrayList<>();
        private final List<ExceptionMapping> mappings = new ArrayList<>();
        private JsonCodec jsonCodec;
        private FormLimits formLimits = FormLimits.DEFAULTS;

        private Builder(HttpHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /**
         * Adds a filter inside those added before (it runs after them, before the handler).
         *
         * @param filter the filter
         * @return this builder
         */
        public Builder filter(Filter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * Adds {@code ordered} in their order, lowest outermost, inside the filters added before —
         * the form Dagger multibindings take.
         *
         * @param ordered the filters with their orders
         * @return this builder
         * @throws IllegalStateException when two filters have the same order
         */
        public Builder filters(Collection<OrderedFilter> ordered) {
            List<OrderedFilter> sorted = new ArrayList<>(ordered);
            sorted.sort(Comparator.comparingInt(OrderedFilter::order));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).order() == sorted.get(i - 1).order()) {
                    throw new IllegalStateException("two filters with order " + sorted.get(i).order() + ": "
                            + sorted.get(i - 1).filter() + " and " + sorted.get(i).filter());
                }
            }
            sorted.forEach(o -> filter(o.filter()));
            return this;
        }

        /**
         * Maps exceptions of {@code type} with {@code mapper} (see {@link ExceptionMapping}).
         *
         * @param type   the exception type
         * @param mapper what makes the response
         * @param <E>    the exception type
         * @return this builder
         */
        public <E extends Exception> Builder exception(Class<E> type, ExceptionMapper<? super E> mapper) {
            mappings.add(ExceptionMapping.of(type, mapper));
            return this;
        }

        /**
         * Adds exception mappings.
         *
         * @param more the mappings
         * @return this builder
         */
        public Builder exceptions(Collection<ExceptionMapping> more) {
            mappings.addAll(more);
            return this;
        }

        /**
         * The JSON codec of {@link Response#json(Object)} and {@link Request#body(Class)} for the
         * requests this pipeline serves; by default the one {@link java.util.ServiceLoader} finds.
         *
         * @param codec the codec
         * @return this builder
         */
        public Builder json(JsonCodec codec) {
            jsonCodec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * The limits of {@link Request#form()}; default {@link FormLimits#DEFAULTS}.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder forms(FormLimits limits) {
            formLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @return the pipeline
         * @throws IllegalStateException when two exception mappings have the same type
         */
        public HttpPipeline build() {
            return new HttpPipeline(this);
        }
    }
}
