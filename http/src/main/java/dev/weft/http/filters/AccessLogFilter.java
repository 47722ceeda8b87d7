package dev.weft.http.filters;

import dev.weft.core.AttributeKey;
import dev.weft.http.Filter;
import dev.weft.http.HttpHandler;
import dev.weft.http.Request;
import dev.weft.http.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs one line per response at INFO through SLF4J, in the Common or Combined Log Format followed
 * by the duration in microseconds (Apache's {@code %D}):
 * <pre>
 * 127.0.0.1 - - [31/May/2026:09:15:02 +0000] "GET /todos?done=true HTTP/1.1" 200 57 "-" "curl/8.5.0" 412
 * </pre>
 * The line is written once the response has been sent, so the status is what the client got, the
 * size counts the body bytes actually written (after compression; {@code -} for none) and the
 * duration runs from this filter to the last byte. Every response is logged — 404, 405, failures,
 * and the requests the server refused before routing, whose request line is what could be read of
 * it ({@code "-"} when nothing could).
 *
 * <p>The user field is the request attribute {@link #USER}, which an authentication filter inside
 * this one may set. Quotes, backslashes and control characters in the request line, referrer and
 * user agent are escaped ({@code \"}, {@code \\}, {@code \xhh}) so a client cannot forge lines. The
 * exchange's request id (see {@link RequestIdFilter}) is in the MDC while the line is logged. Time
 * stamps are in UTC. When the logger is not enabled for INFO the filter costs one check per
 * request.
 */
public final class AccessLogFilter implements Filter {

    /** Inside the request id filter, outside everything that may answer on its own. */
    public static final int ORDER = 200;
    /** The default logger, {@code dev.weft.http.access}: route it to its own file in the logging set-up. */
    public static final String DEFAULT_LOGGER = "dev.weft.http.access";
    /** The request attribute an authentication filter sets to the user's name, logged as the user. */
    public static final AttributeKey<String> USER = AttributeKey.of("user", String.class);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    /** The two formats. */
    public enum Format {
        /** {@code host ident user [time] "request" status bytes}, then the duration. */
        COMMON,
        /** {@code COMMON} plus {@code "referer" "user-agent"}, then the duration. */
        COMBINED
    }

    private final Logger log;
    private final Format format;

    /** The Combined format on the logger {@value #DEFAULT_LOGGER}. */
    public AccessLogFilter() {
        this(Format.COMBINED, LoggerFactory.getLogger(DEFAULT_LOGGER));
    }

    /**
     * Logs in {@code format} on {@code log}.
     *
     * @param format the format
     * @param log    the logger
     */
    public AccessLogFilter(Format format, Logger log) {
        this.format = Objects.requireNonNull(format, "format");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public Response filter(Request request, HttpHandler next) throws Exception {
        if (!log.isInfoEnabled()) {
            return next.handle(request);
        }
        long start = System.nanoTime();
        Instant received = Instant.now();
        request.context().whenSent((response, bytes, complete) -> log(request, response, bytes, received, start));
        return next.handle(request);
    }

    private void log(Request request, Response response, long bytes, Instant received, long start) {
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        StringBuilder line = new StringBuilder(160)
                .append(request.remoteAddress().getAddress().getHostAddress())
                .append(" - ").append(request.context().attribute(USER).map(AccessLogFilter::escaped).orElse("-"))
                .append(" [").append(TIME.format(received)).append("] \"");
        if (request.target().isEmpty()) {
            line.append('-');
        } else {
            escape(line, request.method().name() + " " + request.target() + " " + request.version());
        }
        line.append("\" ").append(response.status().code()).append(' ').append(bytes == 0 ? "-" : Long.toString(bytes));
        if (format == Format.COMBINED) {
            line.append(" \"");
            escape(line, request.header("Referer").orElse("-"));
            line.append("\" \"");
            escape(line, request.header("User-Agent").orElse("-"));
            line.append('"');
        }
        line.append(' ').append(micros);
        String id = RequestIdFilter.of(request).orElse(null);
        if (id == null) {
            log.info("{}", line);
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.MDC_KEY, id)) {
            log.info("{}", line);
        }
    }

    private static String escaped(String text) {
        return escape(new StringBuilder(text.length()), text).toString();
    }

    private static StringBuilder escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7F) {
                out.append("\\x").append(Character.forDigit(c >> 4 & 0xF, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                out.append(c);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "AccessLogFilter[" + format + " to " + log.getName() + "]";
    }
}
