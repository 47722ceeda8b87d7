/**
 * Weft Jackson: JSON for Weft's HTTP server on Jackson 2. The module provides
 * {@link dev.weft.http.json.JsonCodec} to {@link java.util.ServiceLoader}, so an application that
 * has it on its class or module path gets {@code Response.json(value)} and
 * {@code request.body(Type.class)} without configuring anything.
 *
 * <p>A modular application opens the packages of the types it reads and writes as JSON to
 * {@code com.fasterxml.jackson.databind} (Jackson reaches their constructors and accessors by
 * reflection).
 */
module dev.weft.jackson {
    requires transitive dev.weft.http;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.datatype.jdk8;

    exports dev.weft.jackson;

    provides dev.weft.http.json.JsonCodec with dev.weft.jackson.JacksonCodec;
}
