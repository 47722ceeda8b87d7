/**
 * Files served to clients: {@link dev.weft.core.files.ServedDirectory} is the one check that a
 * name a client sends cannot reach outside the directory being served — by {@code ..}, by an
 * absolute name, or through a symbolic link — used by HTTP static files and by the file-transfer
 * sample alike.
 */
package dev.weft.core.files;
