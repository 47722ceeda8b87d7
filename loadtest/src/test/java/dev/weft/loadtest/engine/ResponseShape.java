package dev.weft.loadtest.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP/1.1 response compared by meaning: status line, headers by lower-case name (any
 * order; the {@code Date} value masked), body.
 *
 * @param statusLine the status line
 * @param headers    header values by lower-case name
 * @param body       the body, {@code Content-Length} bytes
 */
record ResponseShape(String statusLine, Map<String, String> headers, String body) {

    /** The shape of a whole response held in memory. */
    static ResponseShape of(byte[] response) throws IOException {
        return read(new ByteArrayInputStream(response));
    }

    /** Reads exactly one response (head byte by byte, then {@code Content-Length} bytes). */
    static ResponseShape read(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("stream ended inside a response head: " + head);
            }
            head.append((char) b);
        }
        String[] lines = head.toString().split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.put(name, name.equals("date") ? "*" : lines[i].substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("stream ended inside a body: " + body.length + " of " + length + " bytes");
        }
        return new ResponseShape(lines[0], headers, new String(body, StandardCharsets.US_ASCII));
    }

    /** The same without one header (which one engine adds and the others leave implied). */
    ResponseShape withoutHeader(String name) {
        Map<String, String> rest = new TreeMap<>(headers);
        rest.remove(name);
        return new ResponseShape(statusLine, rest, body);
    }
}
