/**
 * JSON on Jackson 2 for Weft's HTTP server: {@link dev.weft.jackson.JacksonCodec}, the
 * {@link dev.weft.http.json.JsonCodec} that {@code Response.json(value)},
 * {@code Response.jsonStream(status, value)} and {@code request.body(Type.class)} use once this
 * module is on the class or module path (found through {@link java.util.ServiceLoader}), or that an
 * application gives to its pipeline with a mapper of its own.
 *
 * <p>The codec is thread-safe and is called on the connection's virtual thread; it reads request
 * bodies and writes streamed responses straight from and to the connection, without holding a
 * document whole. Input that is not the JSON expected becomes a {@link dev.weft.http.json.JsonException}
 * whose message — sent to the client with the 400 — names the problem and where it is, never a
 * Java class, and never more than a few dozen characters of the input.
 *
 * <p>Not here: the HTTP side of JSON (the 415 for a body that is not JSON, the 400 itself, the
 * problem+json error bodies), which lives in {@code dev.weft.http}.
 */
package dev.weft.jackson;
