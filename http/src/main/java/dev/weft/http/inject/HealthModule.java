package dev.weft.http.inject;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dagger.multibindings.Multibinds;
import dev.weft.http.Route;
import dev.weft.http.health.Health;
import dev.weft.http.health.NamedCheck;
import java.util.Set;

/**
 * Adds the health routes ({@code /health}, {@code /health/live}, {@code /health/ready}) to the
 * routes of {@link HttpModule}, over the {@link NamedCheck}s the application contributes with
 * {@code @IntoSet} (none is allowed: the probes then pass).
 */
@Module
public interface HealthModule {

    /**
     * The application's health checks.
     *
     * @return the checks
     */
    @Multibinds
    Set<NamedCheck> healthChecks();

    /**
     * The health routes.
     *
     * @param health the endpoints over the contributed checks
     * @return the routes
     */
    @Provides
    @ElementsIntoSet
    static Set<Route> healthRoutes(Health health) {
        return Set.copyOf(health.routes());
    }
}
