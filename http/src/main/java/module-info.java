/**
 * Weft HTTP: an HTTP/1.1 server, router and static-file handler on the Weft virtual-thread
 * engine. The parser and connection loop live in {@code dev.weft.http.internal}, which is not
 * exported.
 */
module dev.weft.http {
    requires transitive dev.weft.core;
    requires jakarta.inject;
    requires org.slf4j;
    requires static dagger;

    exports dev.weft.http;
    exports dev.weft.http.files;
    exports dev.weft.http.inject;
    exports dev.weft.http.limit;
    exports dev.weft.http.proxy;
    exports dev.weft.http.websocket;
}
