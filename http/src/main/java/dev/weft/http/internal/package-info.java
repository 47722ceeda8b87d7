/**
 * The HTTP/1.1 machinery behind {@link dev.weft.http.HttpServer}, not exported from the module:
 * the byte-level parser ({@link dev.weft.http.internal.HeadScanner},
 * {@link dev.weft.http.internal.RequestParser}, no socket involved, so each edge case is a unit
 * test from a string), body streams (fixed length and chunked), the response writer and the
 * per-connection request loop.
 *
 * <p>Threading contract: everything here belongs to one connection's virtual thread except the
 * shared, immutable caches ({@code HttpDate}, {@code StatusLines}). Public types here are not
 * API and may change at any time.
 */
package dev.weft.http.internal;
