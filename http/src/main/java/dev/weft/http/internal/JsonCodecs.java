package dev.weft.http.internal;

import dev.weft.http.json.JsonCodec;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link JsonCodec} for a call: the one the pipeline serving the current thread was
 * given, else the one {@link ServiceLoader} finds (looked up once per JVM), else a clear error.
 *
 * <p>The pipeline's codec reaches {@code Response.json(Object)} — a static factory with no request
 * at hand — through a thread-local variable set only while a pipeline that was given a codec runs
 * its filters and handler; an application relying on the installed codec pays nothing for it.
 */
public final class JsonCodecs {

    private static final Logger log = LoggerFactory.getLogger(JsonCodecs.class);
    private static final ThreadLocal<JsonCodec> CURRENT = new ThreadLocal<>();

    /** What to say when there is no codec. */
    static final String MISSING = "no JSON codec: add the dev.weft:weft-jackson module to the application "
            + "(found through ServiceLoader), or give one to the pipeline (HttpPipeline.Builder.json, HttpApp.json)";

    private JsonCodecs() {
    }

    /** The codec found through {@link ServiceLoader}, looked up on first use. */
    private static final class Installed {
        static final Optional<JsonCodec> CODEC = load();

        private static Optional<JsonCodec> load() {
            try {
                Iterator<JsonCodec> found = ServiceLoader.load(JsonCodec.class).iterator();
                if (!found.hasNext()) {
                    return Optional.empty();
                }
                JsonCodec codec = found.next();
                log.debug("JSON codec found through ServiceLoader: {}", codec.getClass().getName());
                return Optional.of(codec);
            } catch (ServiceConfigurationError e) {
                log.error("the JSON codec found through ServiceLoader cannot be loaded", e);
                return Optional.empty();
            }
        }
    }

    /**
     * The codec for this thread: the running pipeline's, else the installed one.
     *
     * @return the codec
     * @throws IllegalStateException naming the module to add, when there is none
     */
    public static JsonCodec current() {
        return orInstalled(CURRENT.get());
    }

    /**
     * {@code configured} when present, else the installed codec.
     *
     * @param configured the pipeline's codec, or null
     * @return the codec
     * @throws IllegalStateException naming the module to add, when there is none
     */
    public static JsonCodec orInstalled(JsonCodec configured) {
        if (configured != null) {
            return configured;
        }
        return Installed.CODEC.orElseThrow(() -> new IllegalStateException(MISSING));
    }

    /**
     * Makes {@code codec} this thread's codec until {@link #leave(JsonCodec)}.
     *
     * @param codec the pipeline's codec
     * @return the codec this thread had before, to give back to {@link #leave(JsonCodec)}
     */
    public static JsonCodec enter(JsonCodec codec) {
        JsonCodec previous = CURRENT.get();
        CURRENT.set(codec);
        return previous;
    }

    /**
     * Restores the codec this thread had before {@link #enter(JsonCodec)}.
     *
     * @param previous what {@link #enter(JsonCodec)} returned
     */
    public static void leave(JsonCodec previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
