package dev.weft.http.websocket;

/**
 * A snapshot of the WebSocket sessions of one {@code HttpServer}, counted since it started:
 * every way a session can end abnormally has its counter, so it can be watched without reading
 * logs ({@code HttpServer.webSocketMetrics()}).
 *
 * @param opened           sessions started (handshake answered {@code 101})
 * @param live             sessions whose endpoint or closing handshake still runs
 * @param slowPeers        sessions closed with {@code 1008} because their outbound queue
 *                         overflowed ({@link WebSocketLimits#outboundQueueBytes()}); those that
 *                         were registry clients are also counted in the registry's
 *                         {@code slowClientsDisconnected()}
 * @param protocolFailures sessions failed because the peer broke the protocol or a limit
 *                         ({@code 1002}, {@code 1007}, {@code 1009})
 * @param idleTimeouts     sessions closed with {@code 1001} because nothing arrived within
 *                         {@link WebSocketLimits#idleTimeout()}
 * @param pongTimeouts     sessions closed with {@code 1001} because a keep-alive ping went
 *                         unanswered ({@link KeepAlive#pongDeadline()})
 * @param closeTimeouts    connections cut because the peer did not finish the closing handshake
 *                         within {@link WebSocketLimits#closeTimeout()}
 * @param endpointFailures sessions whose endpoint threw (closed with {@code 1011})
 */
public record WebSocketMetrics(long opened, long live, long slowPeers, long protocolFailures, long idleTimeouts,
                               long pongTimeouts, long closeTimeouts, long endpointFailures) {
}
