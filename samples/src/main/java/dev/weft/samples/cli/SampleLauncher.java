package dev.weft.samples.cli;

import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launch sequence every sample shares: parse the options, start the sample's services,
 * stop them gracefully on SIGTERM or Ctrl-C, and map the outcome to an exit status.
 */
public final class SampleLauncher {

    /** Clean stop, or {@code --help}. */
    public static final int EXIT_OK = 0;
    /** The sample could not start or failed. */
    public static final int EXIT_FAILURE = 1;
    /** Bad arguments. */
    public static final int EXIT_USAGE = 2;

    private static final Logger log = LoggerFactory.getLogger(SampleLauncher.class);

    private SampleLauncher() {
    }

    /** Starts a sample's services from its parsed options; returns them running. */
    @FunctionalInterface
    public interface Starter {
        /**
         * Starts the services.
         *
         * @return the running services, closed in reverse order on shutdown
         */
        List<AutoCloseable> start(CommandLine commandLine) throws Exception;
    }

    /**
     * Parses {@code args}, starts the services and blocks until a signal stops them.
     *
     * @return the exit status
     */
    public static int launch(String command, String summary, List<Option<?>> options, String[] args,
                             Starter starter) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(options, args);
        } catch (UsageException e) {
            System.err.println(command + ": " + e.getMessage());
            System.err.print(CommandLine.usage(command, summary, options));
            return EXIT_USAGE;
        }
        if (commandLine.helpRequested()) {
            System.out.print(CommandLine.usage(command, summary, options));
            return EXIT_OK;
        }
        List<AutoCloseable> services;
        try {
            services = new ArrayList<>(starter.start(commandLine));
        } catch (BindException e) {
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
