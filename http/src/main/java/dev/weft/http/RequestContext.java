package dev.weft.http;

import dev.weft.core.AttributeKey;
import dev.weft.core.tls.TlsInfo;
import dev.weft.http.internal.RequestServedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one exchange — a request and its response — shares among every copy of its
 * {@link Request}: typed attributes that filters and handlers pass each other, the route that
 * matched, whether the server refused the request before routing, and work to do once the
 * response has been sent.
 *
 * <p>A filter that passes a modified copy of the request on (say, with other path parameters)
 * still shares this context with the original, so an outer filter sees what an inner one or the
 * handler stored: the access log reads the route template the router set, and the user an
 * authentication filter stored.
 *
 * <p>Not thread-safe: use it from the thread running the exchange (the connection's thread for
 * HTTP/1.1), which is where filters, handlers and the listeners of {@link #whenSent} run.
 */
public final class RequestContext {

    private static final Logger log = LoggerFactory.getLogger(RequestContext.class);

    private Map<AttributeKey<?>, Object> attributes;
    private String route;
    private HttpException refusal;
    private List<SentListener> listeners;
    private HttpPipeline pipeline;
    private RequestServedEvent event;
    private boolean sent;
    private final TlsInfo tls;

    /** A fresh context of a request that did not arrive over TLS: no attributes, not routed, not refused. */
    public RequestContext() {
        this(Optional.empty());
    }

    /**
     * A fresh context: no attributes, not routed, not refused.
     *
     * @param tls what the connection's TLS handshake agreed, when the request arrived over TLS
     */
    public RequestContext(Optional<TlsInfo> tls) {
        this.tls = Objects.requireNonNull(tls, "tls").orElse(null);
    }

    /**
     * What the TLS handshake of the request's connection agreed: protocol, cipher suite, ALPN
     * protocol, SNI host name, and the client's certificate chain when it presented one (mutual
     * TLS).
     *
     * @return the TLS details; empty when the request did not arrive over TLS
     */
    public Optional<TlsInfo> tls() {
        return Optional.ofNullable(tls);
    }

    /**
     * The template of the route that matched ({@code /todos/{id}}), once the router has run.
     *
     * @return the template; empty before routing, and for requests no route matched (404, 405,
     *     refused requests)
     */
    public Optional<String> route() {
        return Optional.ofNullable(route);
    }

    /**
     * Why the server refused this request before routing — malformed, over a limit, too slow —
     * when it did. Such a request still passes every filter, so that the access log, CORS headers
     * and request ids cover its response; it carries what could be read of its head (method
     * {@link Method#UNKNOWN} and an empty target when the request line could not be read), has no
     * body, and is answered with this exception's status whatever a filter passes on, unless a
     * filter answers it itself. The connection is closed after the response either way.
     *
     * @return the refusal; empty for a request that was routed
     */
    public Optional<HttpException> refusal() {
        return Optional.ofNullable(refusal);
    }

    /**
     * The value stored under {@code key}.
     *
     * @param key the key
     * @param <T> the value's type
     * @return the value, if one was stored
     */
    @SuppressWarnings("unchecked") // put() only stores a T under an AttributeKey<T>
    public <T> Optional<T> attribute(AttributeKey<T> key) {
        return attributes == null ? Optional.empty() : Optional.ofNullable((T) attributes.get(key));
    }

    /**
     * Stores {@code value} under {@code key}, replacing any earlier value.
     *
     * @param key   the key
     * @param value the value
     * @param <T>   the value's type
     */
    public <T> void attribute(AttributeKey<T> key, T value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (attributes == null) {
            attributes = new HashMap<>(4);
        }
        attributes.put(key, value);
    }

    /**
     * Runs {@code listener} once the response has been handed to the connection (or failed to
     * be): after the last byte of a streamed body, and also when the client went away. Listeners
     * run in the order added, on the exchange's thread; one that throws is logged and the others
     * still run. Used by the access log (bytes sent, duration) and to delete an upload's temporary
     * files.
     *
     * @param listener what to run
     */
    public void whenSent(SentListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (listeners == null) {
            listeners = new ArrayList<>(2);
        }
        listeners.add(listener);
    }

    /** Hears that the response of an exchange has been sent, or could not be. */
    @FunctionalInterface
    public interface SentListener {
        /**
         * The response has been sent.
         *
         * @param response  the response as it left the filters
         * @param bodyBytes how many body bytes were written (after any content coding); 0 for
         *                  {@code HEAD} and bodiless statuses
         * @param complete  whether the whole response was written; false when the client went
         *                  away or a streamed body failed half-way
         * @throws Exception anything; logged, and the other listeners still run
         */
        void sent(Response response, long bodyBytes, boolean complete) throws Exception;
    }

    void route(String template) {
        route = template;
    }

    void refuse(HttpException cause) {
        refusal = cause;
    }

    /** The refusal, or null: the pipeline's terminal step reads it on every request. */
    HttpException refusalOrNull() {
        return refusal;
    }

    HttpPipeline pipeline() {
        return pipeline;
    }

    void pipeline(HttpPipeline value) {
        pipeline = value;
    }

    RequestServedEvent event() {
        return event;
    }

    void event(RequestServedEvent value) {
        event = value;
    }

    /** Marks the response sent; false when it was already. */
    boolean markSent() {
        if (sent) {
            return false;
        }
        sent = true;
        return true;
    }

    /** Runs the sent listeners, each guarded. */
    void runSentListeners(Response response, long bodyBytes, boolean complete) {
        if (listeners == null) {
            return;
        }
        for (SentListener listener : listeners) {
            try {
                listener.sent(response, bodyBytes, complete);
            } catch (Exception e) {
                log.warn("a listener of a sent response failed: {}", listener, e);
            }
        }
    }
}
