/**
 * Real programs for tests that need more than Weft — {@link dev.weft.testing.external.RedisServer}
 * ({@code redis-server}) and {@link dev.weft.testing.external.HaproxyServer} ({@code haproxy}) —
 * each started as a child process on free loopback ports in a temporary directory, and killed
 * with its directory deleted when the test is done. Tests use them instead of mocks or embedded
 * fakes: a behaviour checked against a real Redis or a real load balancer is the behaviour users
 * get.
 *
 * <p>A program that is not installed skips the tests that need it, with a message saying how to
 * install it, except under {@code CI=true}, where it fails them ({@link
 * dev.weft.testing.external.SystemBinary}); {@code scripts/ci-prerequisites.sh} installs them.
 *
 * <p>Not here: clients of those programs (each module's tests use their own), and anything that
 * needs Weft itself — this module depends on JUnit and the JDK only, so every module can use it.
 */
package dev.weft.testing.external;
