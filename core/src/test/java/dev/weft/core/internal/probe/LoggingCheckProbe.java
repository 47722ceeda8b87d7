package dev.weft.core.internal.probe;

import dev.weft.core.internal.LoggingCheck;

/**
 * Run by {@code LoggingCheckTest} in a JVM of its own, with or without an SLF4J provider: starts
 * "two servers" as far as the check is concerned, then says it finished. In a package of its own:
 * on the class path next to the {@code dev.weft.core} module it may not share a package with it.
 */
public final class LoggingCheckProbe {

    private LoggingCheckProbe() {
    }

    /** Calls the check twice, as two servers starting in one JVM would. */
    public static void main(String[] args) {
        LoggingCheck.warnOnceIfNoProvider();
        LoggingCheck.warnOnceIfNoProvider();
        System.out.println("probe finished");
    }
}
