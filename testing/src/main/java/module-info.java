/**
 * Weft testing support: JUnit 5 extensions for code that runs on virtual threads, and real
 * external programs (Redis, HAProxy) for tests that need them.
 */
module dev.weft.testing {
    requires transitive org.junit.jupiter.api;
    requires jdk.jfr;
    requires jdk.management;

    exports dev.weft.testing;
    exports dev.weft.testing.external;
}
