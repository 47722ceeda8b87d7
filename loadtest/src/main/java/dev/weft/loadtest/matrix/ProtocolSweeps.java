package dev.weft.loadtest.matrix;

import java.util.List;

/**
 * The sweeps of the TLS, WebSocket and HTTP/2 scenarios.
 *
 * @param httpsConnections   keep-alive HTTPS connections, per TLS version
 * @param tlsConnectClients  concurrent clients opening a new TLS connection per request
 * @param webSocketSessions  WebSocket echo sessions
 * @param h2Connections      {@code h2load} connections
 * @param h2Streams          concurrent streams per HTTP/2 connection
 */
public record ProtocolSweeps(List<Integer> httpsConnections, int tlsConnectClients, List<Integer> webSocketSessions,
                             int h2Connections, List<Integer> h2Streams) {

    /** Validates. */
    public ProtocolSweeps {
        httpsConnections = List.copyOf(httpsConnections);
        webSocketSessions = List.copyOf(webSocketSessions);
        h2Streams = List.copyOf(h2Streams);
        if (tlsConnectClients <= 0 || h2Connections <= 0) {
            throw new IllegalArgumentException("need tlsConnectClients > 0 and h2Connections > 0: "
                    + tlsConnectClients + ", " + h2Connections);
        }
    }
}
