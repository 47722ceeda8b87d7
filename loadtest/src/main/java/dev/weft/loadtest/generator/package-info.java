/**
 * The load generator: clients on virtual threads, one blocking socket each, closed-loop or
 * open-loop at a fixed rate with latency corrected for coordinated omission (measured from each
 * request's intended send time, the wrk2 way), latencies in an HdrHistogram, every error and
 * timeout counted. Protocols: echo, HTTP/1.1 (keep-alive and pipelined), HTTPS (a full TLS
 * handshake per new connection) and a small RFC 6455 WebSocket client; HTTP/2 load comes from
 * {@code h2load}, driven by {@code dev.weft.loadtest.matrix}.
 */
package dev.weft.loadtest.generator;
