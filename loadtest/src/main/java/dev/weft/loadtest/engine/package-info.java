/**
 * The engines under test — Weft with virtual or platform threads, a {@code java.nio} selector
 * reactor, Netty on native epoll, Helidon SE and Jetty (h2c) — each running the
 * {@link dev.weft.loadtest.engine.Service}s it has (echo, HTTP/1.1, HTTPS, WebSocket, h2c, UDP
 * relay) with the same bytes on the wire, so that only the threading model differs. Each engine
 * names its transport and says why it lacks a service; engines start and stop on the calling
 * thread and own every thread they start. The load that drives them is in
 * {@code dev.weft.loadtest.generator}.
 */
package dev.weft.loadtest.engine;
