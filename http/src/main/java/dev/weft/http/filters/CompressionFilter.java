package dev.weft.http.filters;

import dev.weft.http.Filter;
import dev.weft.http.Headers;
import dev.weft.http.HttpHandler;
import dev.weft.http.Method;
import dev.weft.http.Request;
import dev.weft.http.Response;
import dev.weft.http.Status;
import dev.weft.http.internal.ErrorResponses;
import dev.weft.http.internal.HeaderElements;
import dev.weft.http.internal.ParameterizedValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Compresses response bodies with {@code gzip} or {@code deflate} (the zlib format, RFC 9110
 * §8.4.1.2), as the client's {@code Accept-Encoding} allows, quality values included: the
 * acceptable coding with the highest {@code q} wins, gzip on a tie; {@code *} stands for codings not
 * listed; a coding with {@code q=0} is never used. With no acceptable coding — no
 * {@code Accept-Encoding}, or {@code gzip;q=0, deflate;q=0}, even with {@code identity;q=0} — the
 * body goes out as it is, which RFC 9110 §12.5.3 allows.
 *
 * <p>What is compressed: bodies of a compressible type ({@code text/*}, JSON and {@code +json},
 * XML and {@code +xml}, JavaScript, SVG, WebAssembly) of at least {@link #minBytes()} bytes —
 * in memory, from a file, or streamed (compressed as written, each {@code flush()} of the writer
 * passed on, so streamed events still arrive promptly). What is not: {@code HEAD} responses,
 * partial content ({@code 206}, any {@code Content-Range}), bodies that already have a
 * {@code Content-Encoding}, bodiless statuses, and already-compressed types (images, video, audio,
 * archives, fonts), where a second compression only costs CPU. A body in memory that would not get
 * smaller is sent as it is.
 *
 * <p>Every response whose encoding depended on {@code Accept-Encoding} says
 * {@code Vary: Accept-Encoding}; a compressed one has its {@code ETag} made weak (the bytes differ
 * from the uncompressed representation's, while its meaning does not — so {@code If-None-Match}
 * still matches) and loses {@code Accept-Ranges} (ranges are served uncompressed). Compression runs
 * on the exchange's thread; the level trades CPU for bytes.
 */
public final class CompressionFilter implements Filter {

    /** Inside CORS and the access log (which then logs the compressed size). */
    public static final int ORDER = 400;
    /** The default {@link #minBytes()}: below about a kilobyte the saving rarely pays for the work. */
    public static final int DEFAULT_MIN_BYTES = 1024;
    /** The default {@link #level()}: zlib's default, a good balance. */
    public static final int DEFAULT_LEVEL = 6;

    private static final int BUFFER_BYTES = 8 * 1024;

    /** The codings this filter can produce. */
    private enum Coding {
        GZIP("gzip"), DEFLATE("deflate");

        private final String token;

        Coding(String token) {
            this.token = token;
        }
    }

    private final int minBytes;
    private final int level;

    /** A filter with the default minimum size and level. */
    public CompressionFilter() {
        this(DEFAULT_MIN_BYTES, DEFAULT_LEVEL);
    }

    private CompressionFilter(int minBytes, int level) {
        if (minBytes < 0) {
            throw new IllegalArgumentException("minBytes must be >= 0: " + minBytes);
        }
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("level must be in 1..9: " + level);
        }
        this.minBytes = minBytes;
        this.level = level;
    }

    /**
     * A copy that compresses bodies of at least {@code value} bytes (streamed bodies, of unknown
     * size, are always compressed).
     *
     * @param value the smallest body compressed
     * @return the copy
     */
    public CompressionFilter withMinBytes(int value) {
        return new CompressionFilter(value, level);
    }

    /**
     * A copy compressing at {@code value}, from 1 (fastest) to 9 (smallest).
     *
     * @param value the level
     * @return the copy
     */
    public CompressionFilter withLevel(int value) {
        return new CompressionFilter(minBytes, value);
    }

    /**
     * The smallest body compressed.
     *
     * @return the size in bytes
     */
    public int minBytes() {
        return minBytes;
    }

    /**
     * The compression level.
     *
     * @return 1 to 9
     */
    public int level() {
        return level;
    }

    @Override
    public Response filter(Request request, HttpHandler next) throws Exception {
        Response response = next.handle(request);
        if (!compressible(request, response)) {
            return response;
        }
        Response varied = VaryHeader.add(response, "Accept-Encoding");
        Coding coding = negotiate(request);
        return coding == null ? varied : encode(varied, coding);
    }

    private boolean compressible(Request request, Response response) {
        Status status = response.status();
        Headers headers = response.headers();
        if (request.method() == Method.HEAD || status.forbidsBody() || status == Status.PARTIAL_CONTENT_206
                || headers.contains("Content-Range") || headers.contains("Content-Encoding")) {
            return false;
        }
        boolean bigEnough = switch (response.body()) {
            case Response.Empty empty -> false;
            case Response.Bytes bytes -> bytes.bytes().length >= minBytes;
            case Response.FileRegion file -> file.length() >= minBytes;
            case Response.Stream stream -> true;
            case Response.WebSocketUpgrade upgrade -> false;
        };
        return bigEnough && compressibleType(headers.first("Content-Type").orElse(""));
    }

    private static boolean compressibleType(String contentType) {
        String type = ParameterizedValue.parse(contentType).value();
        return type.startsWith("text/") || type.equals("application/json") || type.equals("application/xml")
                || type.equals("application/javascript") || type.equals("image/svg+xml")
                || type.equals("application/wasm") || type.equals(ErrorResponses.PROBLEM_JSON)
                || (type.startsWith("application/") && (type.endsWith("+json") || type.endsWith("+xml")));
    }

    /** The coding to use, or null for none. */
    private static Coding negotiate(Request request) {
        double[] q = {-1, -1, -1}; // gzip, deflate, *
        for (String field : request.headers().all("Accept-Encoding")) {
            HeaderElements.forEach(field, (value, from, to) -> {
                ParameterizedValue element = ParameterizedValue.parse(value.substring(from, to));
                double quality = ErrorResponses.quality(element);
                switch (element.value()) {
                    case "gzip", "x-gzip" -> q[0] = Math.max(q[0], quality);
                    case "deflate" -> q[1] = Math.max(q[1], quality);
                    case "*" -> q[2] = Math.max(q[2], quality);
                    default -> {
                        // identity and codings this filter does not produce do not matter here.
                    }
                }
            });
        }
        double gzip = q[0] >= 0 ? q[0] : Math.max(q[2], 0);
        double deflate = q[1] >= 0 ? q[1] : Math.max(q[2], 0);
        if (gzip > 0 && gzip >= deflate) {
            return Coding.GZIP;
        }
        return deflate > 0 ? Coding.DEFLATE : null;
    }

    private Response encode(Response response, Coding coding) throws IOException {
        Headers.Builder builder = Headers.builder();
        Headers headers = response.headers();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = headers.value(i);
            if (name.equalsIgnoreCase("Accept-Ranges")) {
                continue;
            }
            builder.add(name, name.equalsIgnoreCase("ETag") && !value.startsWith("W/") ? "W/" + value : value);
        }
        Headers encoded = builder.add("Content-Encoding", coding.token).build();
        return switch (response.body()) {
            case Response.Bytes bytes -> {
                byte[] compressed = compress(bytes.bytes(), coding);
                yield compressed.length < bytes.bytes().length
                        ? new Response(response.status(), encoded, new Response.Bytes(compressed))
                        : response;
            }
            case Response.Stream stream -> new Response(response.status(), encoded, new Response.Stream(
                    out -> compressing(out, coding, stream.writer())));
            case Response.FileRegion file -> new Response(response.status(), encoded, new Response.Stream(
                    out -> compressing(out, coding, target -> copy(file, target))));
            case Response.Empty empty -> response;
            case Response.WebSocketUpgrade upgrade -> response;
        };
    }

    private byte[] compress(byte[] bytes, Coding coding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
        compressing(out, coding, target -> target.write(bytes));
        return out.toByteArray();
    }

    /** Runs {@code writer} into a compressing stream over {@code out}, then ends the compression. */
    private void compressing(OutputStream out, Coding coding, Response.BodyWriter writer) throws IOException {
        Compressing compressed = new Compressing(out, coding, level);
        try {
            writer.writeTo(compressed);
            compressed.close();
        } finally {
            compressed.release();
        }
    }

    private static void copy(Response.FileRegion file, OutputStream target) throws IOException {
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            channel.position(file.position());
            InputStream in = Channels.newInputStream(channel);
            byte[] buffer = new byte[BUFFER_BYTES];
            long left = file.length();
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException(file.path() + " shrank while being sent");
                }
                target.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    /**
     * A zlib-wrapped ({@code deflate}) or gzip stream at our level, flushing with SYNC_FLUSH so a
     * streamed body's {@code flush()} reaches the client. For gzip the deflater is raw and this
     * class writes the RFC 1952 header and trailer itself. Closing it ends the compressed data but
     * leaves the connection's stream open (a writer may close it); the filter frees the deflater's
     * native memory with {@link #release()}.
     */
    private static final class Compressing extends DeflaterOutputStream {
        private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

        private final CRC32 crc;

        Compressing(OutputStream out, Coding coding, int level) throws IOException {
            super(out, new Deflater(level, coding == Coding.GZIP), BUFFER_BYTES, true);
            this.crc = coding == Coding.GZIP ? new CRC32() : null;
            if (crc != null) {
                out.write(GZIP_HEADER);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            super.write(bytes, offset, length);
            if (crc != null) {
                crc.update(bytes, offset, length);
            }
        }

        @Override
        public void finish() throws IOException {
            boolean first = !def.finished();
            super.finish();
            if (first && crc != null) {
                writeLittleEndian((int) crc.getValue());
                writeLittleEndian((int) def.getBytesRead());
            }
        }

        private void writeLittleEndian(int value) throws IOException {
            out.write(new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)});
        }

        @Override
        public void close() throws IOException {
            finish();
            flush();
        }

        void release() {
            def.end();
        }
    }

    @Override
    public String toString() {
        return "CompressionFilter[min " + minBytes + " bytes, level " + level + "]";
    }
}
