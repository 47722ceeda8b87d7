/**
 * Weft testing support: JUnit 5 extensions for servers that run on virtual threads, a small
 * HTTP test client, and real external programs (Redis, HAProxy) for tests that need them. The
 * client runs on the JDK's {@code java.net.http}, required transitively, so a modular
 * application's tests use it without extra compiler or launcher flags.
 */
module dev.weft.testing {
    requires transitive org.junit.jupiter.api;
    requires transitive java.net.http;
    requires jdk.jfr;
    requires jdk.management;

    exports dev.weft.testing;
    exports dev.weft.testing.external;
}
