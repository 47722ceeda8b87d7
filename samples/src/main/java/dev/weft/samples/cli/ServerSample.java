package dev.weft.samples.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A sample that runs servers until it is stopped: its {@code @Command} class extends this, declares
 * its own options, and starts its services in {@link #start()}. Every server sample takes
 * {@code --host ADDRESS}, the address its servers bind.
 */
public abstract class ServerSample implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", converter = HostName.class,
            description = "address to bind (default: ${DEFAULT-VALUE})")
    private String host = "0.0.0.0";

    /** For subclasses. */
    protected ServerSample() {
    }

    /** The address to bind, from {@code --host}. */
    protected final String host() {
        return host;
    }

    /**
     * Checks what picocli cannot: combinations of options. Throw a {@link
     * picocli.CommandLine.ParameterException} (for {@code spec().commandLine()}) to end with the
     * usage and exit status 2. Runs before {@link #start()}; does nothing unless overridden.
     */
    protected void validate() {
    }

    /** This command's picocli model, for {@link #validate()}'s errors. */
    protected final CommandSpec spec() {
        return spec;
    }

    /**
     * Starts the sample's services from its options.
     *
     * @return the running services, closed in reverse order on shutdown
     * @throws Exception when they cannot start
     */
    protected abstract List<AutoCloseable> start() throws Exception;

    /** Starts the services and blocks until a signal stops them; returns the exit status. */
    @Override
    public final Integer call() {
        validate();
        return SampleLauncher.serve(spec.name(), this::start);
    }
}
