package dev.weft.http.health;

/**
 * One check of an application's health — can it reach its database, is its queue draining. Runs on
 * the probing request's thread each time a health endpoint is asked; it may block, but should bound
 * its own waits well under the prober's timeout (a second or two).
 */
@FunctionalInterface
public interface HealthCheck {

    /**
     * Checks.
     *
     * @return {@link HealthStatus#up()}, or {@link HealthStatus#down(String)} with a reason
     * @throws Exception counts as down; the client sees only the exception's type, the log has the
     *     rest
     */
    HealthStatus check() throws Exception;
}
