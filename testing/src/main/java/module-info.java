/**
 * Weft testing support: JUnit 5 extensions for code that runs on virtual threads.
 */
module dev.weft.testing {
    requires transitive org.junit.jupiter.api;
    requires jdk.jfr;

    exports dev.weft.testing;
}
