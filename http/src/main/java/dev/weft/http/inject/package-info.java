/**
 * Dagger wiring for the HTTP server: {@link dev.weft.http.inject.HttpModule} turns the routes an
 * application contributes with {@code @IntoSet} into a running
 * {@link dev.weft.http.HttpServer}.
 *
 * <p>Only modules live here; components belong to applications and tests. Every class it
 * wires also has a plain constructor, so nothing in {@code dev.weft.http} needs Dagger.
 */
package dev.weft.http.inject;
