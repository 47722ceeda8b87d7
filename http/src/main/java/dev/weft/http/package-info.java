/**
 * The HTTP/1.1 API: a blocking {@link dev.weft.http.HttpHandler} turns a
 * {@link dev.weft.http.Request} into a {@link dev.weft.http.Response}; a
 * {@link dev.weft.http.Router} picks the handler by method and path template; an
 * {@link dev.weft.http.HttpServer} serves it over the core TCP engine.
 *
 * <p>Threading contract: each connection has its own virtual thread, and handlers, filters and
 * body writers run on it and may block (databases, files, other services). Requests of one
 * connection are handled one after another, in order, even when the client pipelines them.
 *
 * <p>Not here: the request parser and connection loop ({@code dev.weft.http.internal}, hidden),
 * static files ({@code dev.weft.http.files}) and Dagger wiring ({@code dev.weft.http.inject}).
 */
package dev.weft.http;
