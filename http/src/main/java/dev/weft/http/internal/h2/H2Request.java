package dev.weft.http.internal.h2;

import dev.weft.http.Headers;
import java.util.OptionalLong;

/**
 * A validated request header list.
 *
 * @param method        {@code :method}, any token (an unknown one is answered 501)
 * @param scheme        {@code :scheme}; empty for {@code CONNECT}
 * @param path          {@code :path}, path and query; empty for {@code CONNECT}
 * @param authority     {@code :authority}, or null
 * @param headers       the regular fields, with {@code host} and a joined {@code cookie}
 * @param contentLength the declared body length, if any
 */
record H2Request(String method, String scheme, String path, String authority, Headers headers,
                 OptionalLong contentLength) {
}
