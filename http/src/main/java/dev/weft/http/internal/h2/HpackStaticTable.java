package dev.weft.http.internal.h2;

import java.util.HashMap;
import java.util.Map;

/**
 * The 61 entries of the HPACK static table (RFC 7541 Appendix A), indexed from 1, with lookups
 * by name and by name and value for the encoder.
 */
final class HpackStaticTable {

    /** The number of entries. */
    static final int LENGTH = 61;

    private static final String[][] ENTRIES = {
        {":authority", ""}, {":method", "GET"}, {":method", "POST"}, {":path", "/"},
        {":path", "/index.html"}, {":scheme", "http"}, {":scheme", "https"}, {":status", "200"},
        {":status", "204"}, {":status", "206"}, {":status", "304"}, {":status", "400"},
        {":status", "404"}, {":status", "500"}, {"accept-charset", ""}, {"accept-encoding", "gzip, deflate"},
        {"accept-language", ""}, {"accept-ranges", ""}, {"accept", ""}, {"access-control-allow-origin", ""},
        {"age", ""}, {"allow", ""}, {"authorization", ""}, {"cache-control", ""},
        {"content-disposition", ""}, {"content-encoding", ""}, {"content-language", ""}, {"content-length", ""},
        {"content-location", ""}, {"content-range", ""}, {"content-type", ""}, {"cookie", ""},
        {"date", ""}, {"etag", ""}, {"expect", ""}, {"expires", ""},
        {"from", ""}, {"host", ""}, {"if-match", ""}, {"if-modified-since", ""},
        {"if-none-match", ""}, {"if-range", ""}, {"if-unmodified-since", ""}, {"last-modified", ""},
        {"link", ""}, {"location", ""}, {"max-forwards", ""}, {"proxy-authenticate", ""},
        {"proxy-authorization", ""}, {"range", ""}, {"referer", ""}, {"refresh", ""},
        {"retry-after", ""}, {"server", ""}, {"set-cookie", ""}, {"strict-transport-security", ""},
        {"transfer-encoding", ""}, {"user-agent", ""}, {"vary", ""}, {"via", ""},
        {"www-authenticate", ""},
    };

    private static final Map<String, Integer> BY_NAME = new HashMap<>();
    private static final Map<String, Integer> BY_FIELD = new HashMap<>();

    static {
        for (int i = ENTRIES.length - 1; i >= 0; i--) {
            BY_NAME.put(ENTRIES[i][0], i + 1);
            BY_FIELD.put(ENTRIES[i][0] + '\0' + ENTRIES[i][1], i + 1);
        }
    }

    private HpackStaticTable() {
    }

    /** The name of entry {@code index} (1..61). */
    static String name(int index) {
        return ENTRIES[index - 1][0];
    }

    /** The value of entry {@code index} (1..61). */
    static String value(int index) {
        return ENTRIES[index - 1][1];
    }

    /** The lowest index whose name is {@code name}, or 0. */
    static int indexOfName(String name) {
        return BY_NAME.getOrDefault(name, 0);
    }

    /** The index of the entry {@code name: value}, or 0. */
    static int indexOfField(String name, String value) {
        return BY_FIELD.getOrDefault(name + '\0' + value, 0);
    }
}
