package dev.weft.http.websocket;

/**
 * Serves one WebSocket session, on the connection's own virtual thread. Blocking is expected.
 *
 * <pre>{@code
 * WebSocketEndpoint echo = session -> {
 *     Message message;
 *     while ((message = session.receive()) != null) {
 *         session.send(message);
 *     }
 * };
 * }</pre>
 *
 * <p>When {@link #serve} returns, the engine closes the session with {@code 1000} (normal
 * closure) unless it is closed already, waits a bounded time for the peer's close frame and
 * closes the connection. When it throws, the failure is logged once at ERROR and the session is
 * closed with {@code 1011} (internal error).
 */
@FunctionalInterface
public interface WebSocketEndpoint {

    /**
     * Serves {@code session} until it ends or the endpoint is done with it.
     *
     * @param session the open session
     * @throws Exception anything; it is logged at ERROR and the session closed with {@code 1011}
     */
    void serve(WebSocketSession session) throws Exception;
}
