package dev.weft.core.internal;

import dev.weft.core.SocketIo;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a server's {@link SocketEngine} from its {@link SocketIo} setting.
 *
 * <p>The epoll engine is compiled for Java 22 (the foreign function API is final there; the rest
 * of Weft targets 21) into the same jar, and is loaded by name only after the JDK's version was
 * checked, so a Java 21 runtime never loads a class it cannot read. With {@link SocketIo#AUTO} a
 * platform without it (not Linux x86_64, a JDK older than 22) or a JVM that did not grant native
 * access gets the JDK's sockets, and the first server to fall back logs why at INFO.
 */
final class SocketEngines {

    private static final Logger log = LoggerFactory.getLogger(SocketEngines.class);
    private static final String EPOLL_ENGINE = "dev.weft.core.internal.epoll.EpollSocketEngine";
    private static final int FOREIGN_FUNCTIONS_FEATURE = 22;
    private static final AtomicBoolean fallbackExplained = new AtomicBoolean();

    private SocketEngines() {
    }

    /**
     * The engine for {@code io}.
     *
     * @throws IOException for {@link SocketIo#EPOLL} where epoll cannot be used, saying why
     */
    static SocketEngine open(SocketIo io, String serverName) throws IOException {
        return switch (io) {
            case JDK -> JdkSocketEngine.INSTANCE;
            case EPOLL -> epoll(serverName, false);
            case AUTO -> {
                try {
                    yield epoll(serverName, true);
                } catch (IOException e) {
                    if (fallbackExplained.compareAndSet(false, true)) {
                        log.info("{} uses the JDK's sockets: {}", serverName, e.getMessage());
                    } else {
                        log.debug("{} uses the JDK's sockets: {}", serverName, e.getMessage());
                    }
                    yield JdkSocketEngine.INSTANCE;
                }
            }
        };
    }

    /** Why this platform cannot run the epoll engine at all, if it cannot. */
    static Optional<String> unsupportedPlatform() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.of("epoll needs Linux; this is " + os);
        }
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return Optional.of("the epoll transport is built for x86_64; this is " + arch);
        }
        int feature = Runtime.version().feature();
        if (feature < FOREIGN_FUNCTIONS_FEATURE) {
            return Optional.of("epoll needs the foreign function API of Java " + FOREIGN_FUNCTIONS_FEATURE
                    + " or newer; this is Java " + feature);
        }
        return Optional.empty();
    }

    private static SocketEngine epoll(String serverName, boolean requireNativeAccess) throws IOException {
        Optional<String> unsupported = unsupportedPlatform();
        if (unsupported.isPresent()) {
            throw new IOException(unsupported.get());
        }
        try {
            return (SocketEngine) Class.forName(EPOLL_ENGINE)
                    .getConstructor(String.class, boolean.class)
                    .newInstance(serverName, requireNativeAccess);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("the epoll engine failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new IOException("the epoll engine cannot be loaded: " + e, e);
        }
    }
}
