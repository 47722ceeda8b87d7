/**
 * Health endpoints as a ready-made set of routes: {@link dev.weft.http.health.Health} answers
 * {@code GET /health}, {@code /health/live} and {@code /health/ready} with a small JSON report of the
 * {@link dev.weft.http.health.NamedCheck}s an application adds, {@code 200} when every check passes
 * and {@code 503} when one fails — what Kubernetes probes and load balancers read.
 *
 * <p>Checks run one after another on the probing request's virtual thread, each time the endpoint
 * is asked; they may block, and should bound their own waits (a probe has a timeout of its own).
 *
 * <p>Not here: metrics (the {@code weft-micrometer} module).
 */
package dev.weft.http.health;
