/**
 * The {@code http} sample: an HTTP/1.1 server built from routes contributed to a Dagger
 * component — {@code GET /hello} (the benchmark endpoint), {@code POST /echo},
 * {@code GET /users/{id}}, {@code GET /clients} over the shared client registry, static
 * files under {@code /static/}, and {@code GET /metrics} for Prometheus. Handlers run on each connection's virtual thread.
 */
package dev.weft.samples.http;
