/**
 * The engines under test: Weft with virtual or platform threads, a {@code java.nio} selector
 * reactor and Netty, each serving the same echo protocol and the same HTTP {@code GET /hello}
 * bytes, so that only the threading model differs.
 */
package dev.weft.loadtest.engine;
