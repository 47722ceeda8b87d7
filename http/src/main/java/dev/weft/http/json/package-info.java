/**
 * The JSON service interface of Weft's HTTP module: {@link dev.weft.http.json.JsonCodec}, which
 * {@code Response.json(Object)} and {@code Request.body(Class)} use, and
 * {@link dev.weft.http.json.JsonException} for input that is not the JSON expected (answered
 * 400).
 *
 * <p>Codecs are called on the connection's (or stream's) virtual thread, from any number of
 * connections at once, so they must be thread-safe; they may block on the body stream.
 *
 * <p>Not here: a JSON library. The {@code weft-jackson} module provides a codec on Jackson; any
 * other can be given to the pipeline.
 */
package dev.weft.http.json;
