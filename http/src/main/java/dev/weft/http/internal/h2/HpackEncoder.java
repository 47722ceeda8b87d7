package dev.weft.http.internal.h2;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Encodes header blocks (RFC 7541) for one connection's outbound direction, keeping the dynamic
 * table that mirrors the peer's decoder.
 *
 * <p>Policy: a field in the static table is sent as an index; a field seen before and still in
 * the dynamic table is sent as an index; other fields are literals with incremental indexing,
 * except credentials and cookies ({@code authorization}, {@code proxy-authorization},
 * {@code cookie}, {@code set-cookie}) and fields given as {@link #neverIndexed}, which are
 * never-indexed literals (so no intermediary stores them either), and fields too big to be worth
 * a table entry. Strings are Huffman-coded when that is shorter. The table is at most
 * {@value #MAX_TABLE_SIZE} octets and never more than the peer's
 * {@code SETTINGS_HEADER_TABLE_SIZE}; a change of that setting is announced at the start of the
 * next block.
 *
 * <p>Not thread-safe: blocks must be encoded in the order they are written to the connection,
 * so the caller encodes and queues a block under one lock.
 */
final class HpackEncoder {

    /** The largest dynamic table this encoder uses, whatever the peer allows. */
    static final int MAX_TABLE_SIZE = 4096;

    private static final Set<String> SENSITIVE = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    private final HpackDynamicTable table = new HpackDynamicTable(MAX_TABLE_SIZE);
    private final Map<String, Long> fieldInsertions = new HashMap<>();
    private final Map<String, Long> nameInsertions = new HashMap<>();
    private byte[] out = new byte[256];
    private int length;
    private int smallestPendingSize = -1;
    private int pendingSize = -1;

    /** Applies the peer's {@code SETTINGS_HEADER_TABLE_SIZE}; announced in the next block. */
    void peerMaxTableSize(int peerSetting) {
        int newSize = Math.min(peerSetting, MAX_TABLE_SIZE);
        smallestPendingSize = smallestPendingSize < 0 ? newSize : Math.min(smallestPendingSize, newSize);
        pendingSize = newSize;
        table.resize(newSize);
    }

    /** Starts a block, announcing a pending table size change first. */
    void begin() {
        length = 0;
        if (pendingSize >= 0) {
            if (smallestPendingSize < pendingSize) {
                integer(0x20, 5, smallestPendingSize);
            }
            integer(0x20, 5, pendingSize);
            pendingSize = -1;
            smallestPendingSize = -1;
        }
    }

    /** Adds a field; {@code name} must be lower case. */
    void field(String name, String value) {
        if (SENSITIVE.contains(name)) {
            neverIndexed(name, value);
            return;
        }
        int staticIndex = HpackStaticTable.indexOfField(name, value);
        if (staticIndex > 0) {
            integer(0x80, 7, staticIndex);
            return;
        }
        int dynamicIndex = dynamicIndex(fieldInsertions.get(name + '\0' + value));
        if (dynamicIndex > 0) {
            integer(0x80, 7, HpackStaticTable.LENGTH + dynamicIndex);
            return;
        }
        int nameIndex = nameIndex(name);
        if (HpackDynamicTable.sizeOf(name, value) > table.maxSize() / 2) {
            literal(0x00, 4, nameIndex, name, value);
            return;
        }
        literal(0x40, 6, nameIndex, name, value);
        table.add(name, value);
        remember(name, value);
    }

    /** Adds a field as a never-indexed literal (RFC 7541 section 6.2.3). */
    void neverIndexed(String name, String value) {
        literal(0x10, 4, nameIndex(name), name, value);
    }

    /** The encoded block since {@link #begin()}. */
    byte[] finish() {
        return Arrays.copyOf(out, length);
    }

    private int nameIndex(String name) {
        int staticIndex = HpackStaticTable.indexOfName(name);
        if (staticIndex > 0) {
            return staticIndex;
        }
        int dynamicIndex = dynamicIndex(nameInsertions.get(name));
        return dynamicIndex > 0 ? HpackStaticTable.LENGTH + dynamicIndex : 0;
    }

    /** The current index (1 = newest) of the entry added as insertion {@code insertion}, or 0. */
    private int dynamicIndex(Long insertion) {
        if (insertion == null) {
            return 0;
        }
        long index = table.insertions() - insertion;
        return index >= 1 && index <= table.length() ? (int) index : 0;
    }

    private void remember(String name, String value) {
        if (fieldInsertions.size() > 4 * (table.length() + 16)) {
            rebuildLookups();
            return;
        }
        fieldInsertions.put(name + '\0' + value, table.insertions() - 1);
        nameInsertions.put(name, table.insertions() - 1);
    }

    /** Drops lookups of evicted entries, which would otherwise accumulate. */
    private void rebuildLookups() {
        fieldInsertions.clear();
        nameInsertions.clear();
        for (int index = table.length(); index >= 1; index--) {
            long insertion = table.insertions() - index;
            fieldInsertions.put(table.name(index) + '\0' + table.value(index), insertion);
            nameInsertions.put(table.name(index), insertion);
        }
    }

    private void literal(int pattern, int prefixBits, int nameIndex, String name, String value) {
        integer(pattern, prefixBits, nameIndex);
        if (nameIndex == 0) {
            string(name);
        }
        string(value);
    }

    private void string(String value) {
        int huffmanLength = HpackHuffman.encodedLength(value);
        if (huffmanLength < value.length()) {
            integer(0x80, 7, huffmanLength);
            ensure(huffmanLength);
            length = HpackHuffman.encode(value, out, length);
            return;
        }
        integer(0x00, 7, value.length());
        ensure(value.length());
        for (int i = 0; i < value.length(); i++) {
            out[length++] = (byte) value.charAt(i);
        }
    }

    /** An integer with an N-bit prefix whose other bits are {@code pattern} (section 5.1). */
    private void integer(int pattern, int prefixBits, int value) {
        ensure(6);
        int max = (1 << prefixBits) - 1;
        if (value < max) {
            out[length++] = (byte) (pattern | value);
            return;
        }
        out[length++] = (byte) (pattern | max);
        int rest = value - max;
        while (rest >= 0x80) {
            out[length++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out[length++] = (byte) rest;
    }

    private void ensure(int more) {
        if (length + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }
}
