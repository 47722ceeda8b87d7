/**
 * Serving a directory over HTTP: {@link dev.weft.http.files.StaticFiles} answers {@code GET} and
 * {@code HEAD} with the files under one root — content type by extension, validators
 * ({@code Last-Modified}, {@code ETag}) with 304 answers, single byte ranges, and bodies sent
 * by zero-copy {@code FileChannel.transferTo}.
 *
 * <p>Threading contract: the handler is stateless and runs on the requesting connection's
 * virtual thread, where file-system calls may block. Not here: directory listings, compression
 * and caching of file contents in memory, which are deliberately left out.
 */
package dev.weft.http.files;
