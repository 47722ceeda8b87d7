package dev.weft.http.internal;

import dev.weft.http.Headers;
import dev.weft.http.Method;

/**
 * The parsed head of one request: request line, header fields and the framing decisions taken
 * from them.
 *
 * @param method         the method
 * @param target         the request target as sent
 * @param path           the path of the target, still percent-encoded
 * @param rawQuery       the query, still encoded; empty when there is none
 * @param http11         whether the request is HTTP/1.1 (else HTTP/1.0)
 * @param headers        the header fields
 * @param contentLength  the declared body length; 0 when there is no body or it is chunked
 * @param chunked        whether the body is chunked
 * @param keepAlive      whether the client wants the connection kept open after this exchange
 * @param expectContinue whether the client waits for {@code 100 Continue} before the body
 */
public record RequestHead(Method method, String target, String path, String rawQuery, boolean http11,
                          Headers headers, long contentLength, boolean chunked, boolean keepAlive,
                          boolean expectContinue) {

    /** {@return {@code "HTTP/1.1"} or {@code "HTTP/1.0"}} */
    public String version() {
        return http11 ? "HTTP/1.1" : "HTTP/1.0";
    }

    /** {@return whether a body follows the head: chunked, or a positive {@code Content-Length}} */
    public boolean hasBody() {
        return chunked || contentLength > 0;
    }
}
