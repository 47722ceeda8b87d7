package dev.weft.http.proxy;

import dev.weft.http.internal.ContentLength;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one HTTP/1.1 response from an upstream: status line, header section, and the body
 * framed as RFC 9112 section 6.3 says — none for {@code HEAD}, 1xx, 204 and 304;
 * {@code Transfer-Encoding: chunked}; {@code Content-Length}; else until the connection closes.
 * Interim 1xx responses are skipped. The header section and the body are bounded; exceeding
 * either, or any malformed framing, is an {@link UpstreamProtocolException} (the proxy answers
 * 502 and drops the connection).
 */
final class UpstreamResponseReader {

    private static final int MAX_CHUNK_LINE_BYTES = 1_024;

    private final int maxHeaderBytes;
    private final long maxBodyBytes;

    UpstreamResponseReader(int maxHeaderBytes, long maxBodyBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @param headRequest whether the request was {@code HEAD}, whose response has no body
     * @throws EOFException when the upstream closed before sending a single byte (a keep-alive
     *     connection it had already given up: safe to retry an idempotent request)
     */
    UpstreamResponse read(InputStream in, boolean headRequest) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the upstream closed the connection before responding");
        }
        int[] budget = {maxHeaderBytes};
        String statusLine = (char) first + line(in, budget);
        while (true) {
            int code = statusCode(statusLine);
            List<Map.Entry<String, String>> headers = headers(in, budget);
            if (code == 101) {
                throw new UpstreamProtocolException("101 Switching Protocols without an upgrade request");
            }
            if (code < 200) {
                statusLine = line(in, budget);   // interim response: the real one follows
                continue;
            }
            boolean http11 = statusLine.startsWith("HTTP/1.1 ");
            boolean keepAlive = http11 ? !UpstreamResponse.hasToken(headers, "Connection", "close")
                    : UpstreamResponse.hasToken(headers, "Connection", "keep-alive");
            String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
            if (headRequest || code < 200 || code == 204 || code == 304) {
                return new UpstreamResponse(code, reason, headers, new byte[0], keepAlive);
            }
            return body(in, code, reason, headers, keepAlive);
        }
    }

    private UpstreamResponse body(InputStream in, int code, String reason, List<Map.Entry<String, String>> headers,
                                  boolean keepAlive) throws IOException {
        if (headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding"))) {
            if (!UpstreamResponse.hasToken(headers, "Transfer-Encoding", "chunked")) {
                return new UpstreamResponse(code, reason, headers, untilClose(in), false);
            }
            return new UpstreamResponse(code, reason, headers, chunked(in), keepAlive);
        }
        long length = contentLength(headers);
        if (length < 0) {
            return new UpstreamResponse(code, reason, headers, untilClose(in), false);
        }
        if (length > maxBodyBytes) {
            throw tooLarge(length);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("the upstream closed after " + body.length + " of " + length + " body bytes");
        }
        return new UpstreamResponse(code, reason, headers, body, keepAlive);
    }

    private static int statusCode(String statusLine) throws UpstreamProtocolException {
        if (!(statusLine.startsWith("HTTP/1.1 ") || statusLine.startsWith("HTTP/1.0 "))
                || statusLine.length() < 12 || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
            throw new UpstreamProtocolException("malformed status line: " + abbreviate(statusLine));
        }
        try {
            int code = Integer.parseInt(statusLine.substring(9, 12));
            if (code < 100 || code > 599) {
                throw new UpstreamProtocolException("status code out of range: " + code);
            }
            return code;
        } catch (NumberFormatException e) {
            throw new UpstreamProtocolException("malformed status code in: " + abbreviate(statusLine));
        }
    }

    private static List<Map.Entry<String, String>> headers(InputStream in, int[] budget) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line; !(line = line(in, budget)).isEmpty(); ) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new UpstreamProtocolException("malformed header line: " + abbreviate(line));
            }
            headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        return headers;
    }

    /** The declared length, or -1 when there is none; differing or malformed values are refused. */
    private static long contentLength(List<Map.Entry<String, String>> headers) throws UpstreamProtocolException {
        long length = -1;
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase("Content-Length")) {
                long parsed;
                try {
                    parsed = ContentLength.parse(header.getValue());
                } catch (ContentLength.MalformedException e) {
                    throw new UpstreamProtocolException(e.getMessage() + ": " + abbreviate(header.getValue()));
                }
                if (length >= 0 && parsed != length) {
                    throw new UpstreamProtocolException("conflicting Content-Length values");
                }
                length = parsed;
            }
        }
        return length;
    }

    private byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int[] lineBudget = {MAX_CHUNK_LINE_BYTES};
            String sizeLine = line(in, lineBudget);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            long size;
            try {
                size = hex.isEmpty() || hex.length() > 15 ? -1 : Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 0) {
                throw new UpstreamProtocolException("malformed chunk size: " + abbreviate(sizeLine));
            }
            if (size == 0) {
                int[] trailerBudget = {maxHeaderBytes};
                while (!line(in, trailerBudget).isEmpty()) {
                    // Trailer fields are dropped: the client gets a Content-Length response.
                }
                return body.toByteArray();
            }
            if (body.size() + size > maxBodyBytes) {
                throw tooLarge(body.size() + size);
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new EOFException("the upstream closed inside a chunk");
            }
            body.write(chunk);
            if (!line(in, lineBudget).isEmpty()) {
                throw new UpstreamProtocolException("chunk data longer than its size " + size);
            }
        }
    }

    private byte[] untilClose(InputStream in) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            throw tooLarge(body.length);
        }
        return body;
    }

    private UpstreamProtocolException tooLarge(long length) {
        return new UpstreamProtocolException("upstream response body (" + length
                + " bytes or more) exceeds the allowed maximum (" + maxBodyBytes + ")");
    }

    /** One line without its CRLF or LF, in ISO-8859-1, charged to {@code budget[0]}. */
    private static String line(InputStream in, int[] budget) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the upstream closed inside the response head");
            }
            if (--budget[0] < 0) {
                throw new UpstreamProtocolException("upstream response head exceeds its limit");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    private static String abbreviate(String text) {
        String shown = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        return new String(shown.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.US_ASCII);
    }
}
