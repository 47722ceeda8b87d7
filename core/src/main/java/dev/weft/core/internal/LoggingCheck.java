package dev.weft.core.internal;

import java.io.PrintStream;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Tells whoever runs a Weft server, once per JVM and on standard error, that no SLF4J provider is
 * present. Weft logs through {@code slf4j-api} only; without a provider SLF4J discards every line,
 * a handler's stack trace included, and a server that seems to work hides its failures. SLF4J's own
 * three-line notice does not say what to add; this one names the dependency.
 *
 * <p>Standard error, not a logger, on purpose: there is no working logger to say it with. Nothing
 * is printed when a provider is present, including {@code slf4j-nop} chosen to silence logging.
 *
 * <p>Every server calls {@link #warnOnceIfNoProvider()} as it starts; it is cheap after the first
 * call and safe from any thread.
 */
public final class LoggingCheck {

    private static final AtomicBoolean checked = new AtomicBoolean();

    private LoggingCheck() {
    }

    /** Checks for an SLF4J provider on the first call in this JVM, and says so if there is none. */
    public static void warnOnceIfNoProvider() {
        if (checked.compareAndSet(false, true) && !providerPresent()) {
            PrintStream err = System.err;
            err.print(message(slf4jVersion()));
            err.flush();
        }
    }

    /**
     * Whether SLF4J logs anywhere: a provider was found, or {@code slf4j-nop} was chosen. With no
     * provider SLF4J falls back to the same no-operation factory that {@code slf4j-nop} provides,
     * so a no-operation factory alone does not tell the two apart; the service lookup does.
     */
    static boolean providerPresent() {
        if (!(LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory)) {
            return true;
        }
        try {
            return slf4j2ProviderFound();
        } catch (NoClassDefFoundError e) {
            // An slf4j-api 1.x (dependency mediation can pick one): it has no provider interface,
            // binds through StaticLoggerBinder, and says itself when it found no binding.
            return true;
        }
    }

    /** Looks for an SLF4J 2 provider; fails with {@link NoClassDefFoundError} on an SLF4J 1.x API. */
    private static boolean slf4j2ProviderFound() {
        // This module's descriptor need not declare the use: it is declared here, where it is made.
        LoggingCheck.class.getModule().addUses(SLF4JServiceProvider.class);
        try {
            return ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader())
                    .stream().findAny().isPresent();
        } catch (ServiceConfigurationError e) {
            return false; // a broken provider logs nothing either; SLF4J reports the cause itself
        }
    }

    /** The version of the {@code slf4j-api} in use, when its jar or module says. */
    static Optional<String> slf4jVersion() {
        String version = LoggerFactory.class.getPackage().getImplementationVersion();
        if (version != null) {
            return Optional.of(version);
        }
        Module module = LoggerFactory.class.getModule();
        return module.isNamed() ? module.getDescriptor().rawVersion() : Optional.empty();
    }

    /** The text printed, naming the provider to add in the version of the {@code slf4j-api} in use. */
    static String message(Optional<String> slf4jVersion) {
        String version = slf4jVersion.orElse("<the version of your slf4j-api>");
        return String.format("""
                Weft: no SLF4J provider was found, so every log line of this server is discarded, handler errors included.
                Weft: add one to the application, for example slf4j-simple:
                Weft:   Maven:  <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId>\
                <version>%1$s</version><scope>runtime</scope></dependency>
                Weft:   Gradle: runtimeOnly("org.slf4j:slf4j-simple:%1$s")
                Weft: or Logback (ch.qos.logback:logback-classic); org.slf4j:slf4j-nop silences logging on purpose.
                """, version);
    }
}
