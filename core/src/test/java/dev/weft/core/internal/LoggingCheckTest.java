package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.internal.probe.LoggingCheckProbe;
import dev.weft.core.internal.probe.ServerStartProbe;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleServiceProvider;

/**
 * Each case runs {@link LoggingCheckProbe} in a JVM of its own, so that SLF4J initialises with
 * exactly the jars given: this JVM's SLF4J has bound slf4j-simple long before any test runs.
 */
class LoggingCheckTest {

    private static final String FIRST_LINE =
            "Weft: no SLF4J provider was found, so every log line of this server is discarded, handler errors included.";

    @TempDir
    Path temp;

    /** What the probe printed. */
    private record Run(int status, String out, String err) {
    }

    @Test
    void withoutAProviderAServerSaysSoOnceOnStandardErrorNamingTheDependencyToAdd() throws Exception {
        Run run = probeOnClassPath(codeSource(LoggingCheck.class), codeSource(LoggerFactory.class));
        assertEquals(0, run.status(), run.toString());
        assertEquals("probe finished" + System.lineSeparator(), run.out());
        assertEquals(1, occurrences(run.err(), FIRST_LINE), "said once for two starts:\n" + run.err());
        String version = LoggerFactory.class.getPackage().getImplementationVersion();
        assertTrue(run.err().contains("<artifactId>slf4j-simple</artifactId><version>" + version + "</version>"),
                run.err());
        assertTrue(run.err().contains("runtimeOnly(\"org.slf4j:slf4j-simple:" + version + "\")"), run.err());
    }

    @Test
    void startingTcpServersWithoutAProviderSaysSoOnce() throws Exception {
        Run run = java(List.of("-cp", join(List.of(codeSource(LoggingCheck.class), codeSource(LoggerFactory.class),
                codeSource(Inject.class), codeSource(ServerStartProbe.class))), ServerStartProbe.class.getName()));
        assertEquals(0, run.status(), run.toString());
        assertEquals("probe finished" + System.lineSeparator(), run.out());
        assertEquals(1, occurrences(run.err(), FIRST_LINE), "said once for two servers:\n" + run.err());
    }

    @Test
    void aServerStartsOnAnSlf4j1ApiAndLeavesTheMissingBindingToSlf4jToReport() throws Exception {
        // target/slf4j-api-1/slf4j-api-1.jar, copied there by the build (core/pom.xml).
        Path slf4j1 = codeSource(LoggingCheckTest.class).resolveSibling("slf4j-api-1").resolve("slf4j-api-1.jar");
        assertTrue(Files.isRegularFile(slf4j1), "the build copies slf4j-api 1.x to " + slf4j1);
        Run run = java(List.of("-cp", join(List.of(codeSource(LoggingCheck.class), slf4j1, codeSource(Inject.class),
                codeSource(ServerStartProbe.class))), ServerStartProbe.class.getName()));
        assertEquals(0, run.status(), run.toString());
        assertEquals("probe finished" + System.lineSeparator(), run.out());
        assertEquals(0, occurrences(run.err(), FIRST_LINE), run.err());
        assertTrue(run.err().contains("StaticLoggerBinder"), "SLF4J 1.x says it found no binding:\n" + run.err());
    }

    @Test
    void withAProviderNothingIsSaid() throws Exception {
        Run run = probeOnClassPath(codeSource(LoggingCheck.class), codeSource(LoggerFactory.class),
                codeSource(SimpleServiceProvider.class));
        assertEquals(0, run.status(), run.toString());
        assertEquals("", run.err());
    }

    @Test
    void inAModularApplicationTheCheckWorksTheSameAndNamesTheModulesVersion() throws Exception {
        Run without = probeOnModulePath(codeSource(LoggingCheck.class), codeSource(LoggerFactory.class),
                codeSource(Inject.class));
        assertEquals(0, without.status(), without.toString());
        assertEquals(1, occurrences(without.err(), FIRST_LINE), without.err());
        assertFalse(without.err().contains("<the version of your slf4j-api>"), without.err());
        Run with = probeOnModulePath(codeSource(LoggingCheck.class), codeSource(LoggerFactory.class),
                codeSource(Inject.class), codeSource(SimpleServiceProvider.class));
        assertEquals(0, with.status(), with.toString());
        assertEquals("", with.err());
    }

    @Test
    void withoutAKnownApiVersionTheMessageStillNamesTheArtifact() {
        String text = LoggingCheck.message(Optional.empty());
        assertTrue(text.contains("<artifactId>slf4j-simple</artifactId><version><the version of your slf4j-api>"),
                text);
        assertTrue(text.lines().allMatch(line -> line.startsWith("Weft: ")), text);
    }

    private Run probeOnClassPath(Path... jars) throws IOException, InterruptedException, URISyntaxException {
        List<Path> classPath = new ArrayList<>(List.of(jars));
        classPath.add(codeSource(LoggingCheckProbe.class));
        return java(List.of("-cp", join(classPath), LoggingCheckProbe.class.getName()));
    }

    /** The core module and the jars as modules; the probe, a test class, on the class path. */
    private Run probeOnModulePath(Path... modules) throws IOException, InterruptedException, URISyntaxException {
        return java(List.of("--module-path", join(List.of(modules)), "--add-modules", "ALL-MODULE-PATH",
                "--add-exports", "dev.weft.core/dev.weft.core.internal=ALL-UNNAMED",
                "-cp", codeSource(LoggingCheckProbe.class).toString(), LoggingCheckProbe.class.getName()));
    }

    private Run java(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.addAll(arguments);
        Path out = temp.resolve("out-" + System.nanoTime());
        Path err = temp.resolve("err-" + System.nanoTime());
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the probe JVM did not finish within 60 s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static int occurrences(String text, String line) {
        return (int) text.lines().filter(line::equals).count();
    }
}
