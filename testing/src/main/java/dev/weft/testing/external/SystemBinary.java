package dev.weft.testing.external;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A program a test runs as a real process — {@code redis-server}, {@code haproxy} — looked up on
 * {@code PATH}, then in the {@code sbin} directories Debian installs daemons in (often not on a
 * user's {@code PATH}).
 *
 * <p>A missing program skips the test with a message saying how to install it, except under
 * {@code CI=true}, where it fails the test: {@code .ci/run} installs every such program
 * ({@code scripts/ci-prerequisites.sh}), so a missing one there is a broken build, not a reason
 * to pass.
 */
public final class SystemBinary {

    private static final List<String> SBIN = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

    private SystemBinary() {
    }

    /**
     * Finds {@code name}.
     *
     * @param name the program, such as {@code "redis-server"}
     * @return its path, if it is installed and executable
     */
    public static Optional<Path> find(String name) {
        List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        directories.addAll(SBIN);
        for (String directory : directories) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Finds {@code name} for a test that cannot run without it.
     *
     * @param name    the program
     * @param debianPackage the Debian package that installs it, for the message
     * @return its path
     * @throws org.opentest4j.TestAbortedException when it is missing (the test is skipped)
     * @throws IllegalStateException when it is missing under {@code CI=true} (the test fails)
     */
    public static Path require(String name, String debianPackage) {
        Optional<Path> found = find(name);
        if (found.isPresent()) {
            return found.get();
        }
        String install = "install it with `apt-get install " + debianPackage + "` or run scripts/ci-prerequisites.sh";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(name + " is not installed and CI=true: these tests must run; " + install);
        }
        Assumptions.abort(name + " is not installed: skipping the tests that need it; " + install);
        throw new AssertionError("unreachable");
    }
}
