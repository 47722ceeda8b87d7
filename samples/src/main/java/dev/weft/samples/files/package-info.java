/**
 * The {@code files} and {@code files-client} samples: a file server over a small
 * length-prefixed binary protocol ({@link dev.weft.samples.files.FileProtocol}) with listing,
 * resumable zero-copy downloads, verified atomic uploads and SHA-256 checks.
 *
 * <p>The codec works on bytes alone, the server's handler runs on each connection's virtual
 * thread and may block on files and the socket, and {@link dev.weft.samples.files.FileRoot}
 * keeps every name inside the served directory. Not here: the engine itself
 * ({@code dev.weft.core}).
 */
package dev.weft.samples.files;
