package dev.weft.http.health;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a {@link HealthCheck}.
 *
 * @param healthy whether the check passed
 * @param detail  why it failed (or a note on why it passed), shown in the report; keep secrets out
 */
public record HealthStatus(boolean healthy, Optional<String> detail) {

    private static final HealthStatus UP = new HealthStatus(true, Optional.empty());

    /** Checks the detail is present. */
    public HealthStatus {
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Passed.
     *
     * @return the status
     */
    public static HealthStatus up() {
        return UP;
    }

    /**
     * Failed, for {@code reason}.
     *
     * @param reason what is wrong, shown in the report
     * @return the status
     */
    public static HealthStatus down(String reason) {
        return new HealthStatus(false, Optional.of(reason));
    }
}
