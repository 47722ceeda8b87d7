/**
 * HTTP/2 (RFC 9113) with HPACK (RFC 7541), not exported from the module: the codecs from bytes
 * ({@code HpackDecoder}, {@code HpackEncoder}, {@code FrameReader}, {@code FrameEncoder}; no
 * socket, so each rule is a unit test from bytes), and the connection engine
 * {@link dev.weft.http.internal.h2.Http2Connection} over a minimal
 * {@link dev.weft.http.internal.h2.Wire}, entered by prior knowledge, by
 * {@link dev.weft.http.internal.h2.H2cUpgrade} or by ALPN.
 *
 * <p>Threading contract: the connection's own thread reads frames; one writer thread per
 * connection writes the socket and keeps its deadlines; each request stream runs the
 * application's {@link dev.weft.http.HttpHandler} on a virtual thread of its own and blocks only
 * on its own stream (body not yet arrived, flow-control window closed). Shared state is under
 * one lock per connection, never held across socket I/O.
 *
 * <p>Deliberately not here: routing, filters and the error model (the same
 * {@link dev.weft.http.Router} as HTTP/1.1), TLS and ALPN (the core's TLS transport), server
 * push (never sent; {@code SETTINGS_ENABLE_PUSH} is 0), priorities (read and ignored, as RFC
 * 9113 allows).
 */
package dev.weft.http.internal.h2;
