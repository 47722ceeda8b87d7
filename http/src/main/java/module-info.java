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
    requires jdk.jfr;

    exports dev.weft.http;
    exports dev.weft.http.files;
    exports dev.weft.http.filters;
    exports dev.weft.http.health;
    exports dev.weft.http.inject;
    exports dev.weft.http.json;
    exports dev.weft.http.limit;
    exports dev.weft.http.proxy;
    exports dev.weft.http.websocket;

    uses dev.weft.http.json.JsonCodec;
}
