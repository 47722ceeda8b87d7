/**
 * WebSocket (RFC 6455) with a blocking API: a route upgrades a request to a
 * {@link dev.weft.http.websocket.WebSocketEndpoint}, which gets a
 * {@link dev.weft.http.websocket.WebSocketSession} and runs on the connection's own virtual
 * thread; {@link dev.weft.http.websocket.WebSocketSession#receive()} blocks until the next whole
 * message, and {@link dev.weft.http.websocket.WebSocketSession#send(Message)} queues a message
 * from any thread without waiting for the network. Limits, keep-alive pings, the origin check,
 * subprotocols and {@code permessage-deflate} (RFC 7692) are set by a
 * {@link dev.weft.http.websocket.WebSocketConfig}.
 *
 * <p>Threading contract: one thread at a time receives (usually the endpoint's own); any thread
 * may send or close. Control frames (ping, pong, close) are answered by the engine while a
 * thread receives, so an endpoint that only sends should still keep one thread in
 * {@code receive()}.
 *
 * <p>Not here: the handshake, framing, compression and the session engine
 * ({@code dev.weft.http.internal.websocket}, hidden); the HTTP routing that leads to an
 * endpoint ({@code dev.weft.http}).
 */
package dev.weft.http.websocket;
