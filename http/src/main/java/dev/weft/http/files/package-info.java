/**
 * Serving files over HTTP: {@link dev.weft.http.files.StaticFiles} answers {@code GET} and
 * {@code HEAD} with the files under a directory, {@link dev.weft.http.files.ClassPathFiles} with the
 * resources under a directory of the class path (the application's jar) — both alike: content type
 * by extension, validators ({@code Last-Modified}, {@code ETag}) with 304 answers, single byte
 * ranges, no way out of the root, and refusals answered 404 through the error model.
 *
 * <p>Threading contract: the handlers are stateless and run on the requesting connection's
 * virtual thread, where file-system and jar reads may block. Not here: directory listings and
 * caching of contents in memory, left out on purpose; compression is the
 * {@code CompressionFilter}'s.
 */
package dev.weft.http.files;
