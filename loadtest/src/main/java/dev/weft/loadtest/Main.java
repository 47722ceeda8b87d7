package dev.weft.loadtest;

import dev.weft.loadtest.engine.EngineKind;
import dev.weft.loadtest.matrix.Scenario;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The load test's command line (picocli); every process of a run is this jar with another
 * command:
 * <pre>
 * run [--quick] [--engines a,b] [--scenarios x,y] [--out DIR] [--no-wrk] [--no-perf] [--jfr]
 *     [--engine-jvm-options "..."] [--dry-run]                              the matrix
 * engine KIND                                                               one engine (child process)
 * hold --port P --protocol http|echo --connections N --source ADDR          idle connections (child process)
 * </pre>
 * An unknown option, an extra argument or a bad value is an error: a message, the usage, and
 * exit code 2. {@code --help} and {@code --version} print to standard output and exit 0.
 */
@Command(name = "weft-loadtest", mixinStandardHelpOptions = true, versionProvider = LoadTestVersion.class,
        description = "Weft's load test: every engine side by side, each in its own JVM, on loopback.",
        subcommands = {RunCommand.class, EngineCommand.class, HoldCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Without a command: an error with the usage. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: run, engine or hold");
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Runs the command line with the given output streams and returns the exit code: 0 done,
     * 1 failed, 2 bad command line.
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new Main());
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.registerConverter(EngineKind.class, EngineKind::byLabel);
        line.registerConverter(Scenario.class, Scenario::byLabel);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setParameterExceptionHandler(Main::usageError);
        return line.execute(args);
    }

    /** A bad command line: the message, suggestions for a misspelt option, the usage, exit code 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        command.usage(err);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The engine labels, for the usage text. */
    static final class EngineLabels implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return EngineKind.labels().iterator();
        }
    }
}
