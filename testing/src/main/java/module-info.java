/**
 * Weft testing support: JUnit 5 extensions for code that runs on virtual threads.
 */
module dev.weft.testing {
    requires transitive org.junit.jupiter.api;
    requires jdk.jfr;
    requires jdk.management;

    exports dev.weft.testing;
}
