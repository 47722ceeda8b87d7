package dev.weft.samples.cli;

import dev.weft.core.tls.TlsConfigException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What every sample's command line shares: parsing with picocli (with {@code --help},
 * {@code --version} and the exit codes in every usage text), and, for a server, the launch
 * sequence: start its services, stop them gracefully on SIGTERM or Ctrl-C, and map the outcome
 * to an exit status.
 */
public final class SampleLauncher {

    /** Clean stop, {@code --help} or {@code --version}. */
    public static final int EXIT_OK = 0;
    /** The sample could not start or failed. */
    public static final int EXIT_FAILURE = 1;
    /** Bad arguments: an unknown option, an extra argument, a bad or missing value. */
    public static final int EXIT_USAGE = 2;

    private static final Logger log = LoggerFactory.getLogger(SampleLauncher.class);

    private static final Map<String, String> EXIT_CODES = exitCodes();

    private SampleLauncher() {
    }

    /** Starts a sample's services; returns them running. */
    @FunctionalInterface
    public interface Starter {
        /**
         * Starts the services.
         *
         * @return the running services, closed in reverse order on shutdown
         * @throws Exception when they cannot start; a {@link BindException} or a
         *     {@link TlsConfigException} is reported as its message alone ("0.0.0.0:7007 is
         *     already in use", "key.pem: no such file")
         */
        List<AutoCloseable> start() throws Exception;
    }

    /**
     * Parses {@code args} for {@code command}, a picocli {@code @Command} object (with its
     * subcommands, if any), and runs it.
     *
     * @return the exit status: {@link #EXIT_USAGE} on bad arguments, else the command's
     */
    public static int run(Object command, String[] args) {
        return commandLine(command).execute(args);
    }

    /**
     * As {@link #run(Object, String[])}, printing the usage, errors and the command's own output
     * to {@code out} and {@code err}.
     *
     * @return the exit status
     */
    public static int run(Object command, String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(command).setOut(out).setErr(err).execute(args);
    }

    /** Runs {@code command} as the whole program (a sample's own {@code main}) and exits the JVM with its status. */
    public static void main(Object command, String[] args) {
        exit(run(command, args));
    }

    /**
     * Exits the JVM with {@code status}, unless it is {@link #EXIT_OK}: after a clean stop the
     * shutdown hooks have run already, and {@code System.exit} from here would wait for them forever.
     */
    public static void exit(int status) {
        if (status != EXIT_OK) {
            System.exit(status);
        }
    }

    /**
     * A picocli command line for {@code command} and its subcommands, configured as every sample's:
     * {@code -h/--help} and {@code -V/--version}, the exit codes listed in the usage text,
     * {@link #EXIT_USAGE} for bad arguments.
     */
    public static CommandLine commandLine(Object command) {
        CommandLine line = new CommandLine(command);
        configure(line);
        return line;
    }

    private static void configure(CommandLine line) {
        CommandSpec spec = line.getCommandSpec();
        spec.mixinStandardHelpOptions(true);
        spec.versionProvider(new SampleVersion());
        spec.exitCodeOnSuccess(EXIT_OK).exitCodeOnUsageHelp(EXIT_OK).exitCodeOnVersionHelp(EXIT_OK)
                .exitCodeOnInvalidInput(EXIT_USAGE).exitCodeOnExecutionException(EXIT_FAILURE);
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        line.setParameterExceptionHandler(SampleLauncher::usageError);
        line.getSubcommands().values().forEach(SampleLauncher::configure);
    }

    /**
     * Bad arguments: what is wrong, the nearest valid options or samples when an argument was not
     * recognised, and always the usage of the command in which it went wrong.
     */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        line.usage(err);
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(String.valueOf(EXIT_OK), "done: a clean stop (SIGTERM, Ctrl-C), a finished command, --help, --version");
        codes.put(String.valueOf(EXIT_FAILURE), "could not start, or failed (for example: the port is in use)");
        codes.put(String.valueOf(EXIT_USAGE), "bad arguments");
        return Collections.unmodifiableMap(codes);
    }

    /**
     * Starts a server sample's services and blocks until a signal stops them.
     *
     * @param command the sample's name, for the log lines
     * @param starter starts the services
     * @return {@link #EXIT_OK} after a clean stop, {@link #EXIT_FAILURE} if they could not start
     */
    public static int serve(String command, Starter starter) {
        List<AutoCloseable> services;
        try {
            services = new ArrayList<>(starter.start());
        } catch (BindException | TlsConfigException e) {
            log.error("{}: {}", command, e.getMessage());
            return EXIT_FAILURE;
        } catch (Exception e) {
            log.error("{} failed to start", command, e);
            return EXIT_FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("{}: signal received, stopping gracefully", command);
            for (int i = services.size() - 1; i >= 0; i--) {
                closeQuietly(command, services.get(i));
            }
            stopped.countDown();
        }, command + "-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EXIT_OK;
    }

    private static void closeQuietly(String command, AutoCloseable service) {
        try {
            service.close();
        } catch (Exception e) {
            log.warn("{}: stopping {} failed", command, service, e);
        }
    }
}
