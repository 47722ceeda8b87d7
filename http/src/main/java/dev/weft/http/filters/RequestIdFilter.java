package dev.weft.http.filters;

import dev.weft.core.AttributeKey;
import dev.weft.http.Filter;
import dev.weft.http.HttpHandler;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.internal.HttpChars;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * Gives every exchange an id: the one the client (or a proxy in front) sent in
 * {@code X-Request-Id}, when it is a plausible id, else a new random one. The id is stored as the
 * request attribute {@link #REQUEST_ID}, put in the SLF4J {@link MDC} under {@value #MDC_KEY} while
 * the rest of the chain runs (so every log line of the handler carries it), and echoed in the
 * response's {@code X-Request-Id}.
 *
 * <p>A client's id is taken only if it has 1 to {@value #MAX_LENGTH} characters among letters,
 * digits and {@code - _ . : / + = @}: anything else (spaces, quotes, control characters, a
 * megabyte of text) is replaced, so the id is safe in logs and headers. New ids are random UUIDs
 * (unique, not secret: use them to correlate, never to authorise).
 */
public final class RequestIdFilter implements Filter {

    /** Outermost of the shipped filters: every later filter and log line sees the id. */
    public static final int ORDER = 100;
    /** The default header, {@code X-Request-Id}. */
    public static final String DEFAULT_HEADER = "X-Request-Id";
    /** The request attribute holding the id. */
    public static final AttributeKey<String> REQUEST_ID = AttributeKey.of("requestId", String.class);
    /** The MDC key holding the id while the chain runs. */
    public static final String MDC_KEY = "requestId";
    /** The longest id taken from a client. */
    public static final int MAX_LENGTH = 128;

    private final String header;

    /** Reads and writes {@code X-Request-Id}. */
    public RequestIdFilter() {
        this(DEFAULT_HEADER);
    }

    /**
     * Reads and writes {@code header} (e.g. {@code X-Correlation-Id}).
     *
     * @param header the header's name
     */
    public RequestIdFilter(String header) {
        HttpChars.requireValidName(Objects.requireNonNull(header, "header"));
        this.header = header;
    }

    /**
     * The id of the exchange of {@code request}, once this filter has run.
     *
     * @param request the request
     * @return the id
     */
    public static Optional<String> of(Request request) {
        return request.context().attribute(REQUEST_ID);
    }

    @Override
    public Response filter(Request request, HttpHandler next) throws Exception {
        String id = request.header(header).filter(RequestIdFilter::plausible).orElseGet(RequestIdFilter::newId);
        request.context().attribute(REQUEST_ID, id);
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            Response response = next.handle(request);
            return response.headers().contains(header) ? response : response.withHeader(header, id);
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }

    private static boolean plausible(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-_.:/+=@".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;                        // version 4
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    @Override
    public String toString() {
        return "RequestIdFilter[" + header + "]";
    }
}
