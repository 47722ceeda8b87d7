/**
 * The WebSocket machinery behind {@link dev.weft.http.websocket}, not exported from the module:
 * the opening handshake ({@link dev.weft.http.internal.websocket.OpeningHandshake}, a function
 * of the request head), the frame reader and the message reader built on it (bytes in, no
 * socket, so every protocol rule is a unit test from a byte string), the frame writer with
 * {@code permessage-deflate}, the bounded outbound queue, and the session engine
 * ({@link dev.weft.http.internal.websocket.WebSocketConnection}), which runs over the minimal
 * {@link dev.weft.http.internal.websocket.UpgradedConnection} that an HTTP connection becomes
 * after a {@code 101} response.
 *
 * <p>Threading contract: the reading side of a session belongs to the thread that receives;
 * the writing side to the one writer thread draining the outbound queue; any thread may queue.
 * One {@link dev.weft.http.internal.websocket.SessionTimer} thread per server enforces the
 * idle, pong and close deadlines of all its sessions. Public types here are not API.
 */
package dev.weft.http.internal.websocket;
