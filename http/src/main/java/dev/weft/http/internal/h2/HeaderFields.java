package dev.weft.http.internal.h2;

import java.util.Arrays;

/**
 * The fields of one decoded header block, in order, with the HPACK representation's
 * "never indexed" mark kept per field (RFC 7541 section 7.1.3: an intermediary re-encoding the
 * field must keep it out of every compression table). Names and values are ISO-8859-1 strings,
 * one char per octet, exactly as decoded: validation is the caller's.
 *
 * <p>{@link #listBytes()} is the header list size of RFC 9113 section 6.5.2 (name + value + 32
 * per field) of every field decoded, including those not kept once the list exceeded its limit.
 */
final class HeaderFields {

    private String[] fields = new String[16];
    private boolean[] neverIndexed = new boolean[8];
    private int count;
    private long listBytes;
    private boolean exceeded;

    /** The number of fields kept. */
    int size() {
        return count;
    }

    /** The name of field {@code index}. */
    String name(int index) {
        return fields[2 * index];
    }

    /** The value of field {@code index}. */
    String value(int index) {
        return fields[2 * index + 1];
    }

    /** Whether field {@code index} came as a never-indexed literal. */
    boolean neverIndexed(int index) {
        return neverIndexed[index];
    }

    /** The header list size of all fields decoded, kept or not. */
    long listBytes() {
        return listBytes;
    }

    /**
     * Whether the list grew past its limit while decoding; the fields decoded until then were
     * dropped and no later one was kept, so {@link #size()} is 0.
     */
    boolean exceeded() {
        return exceeded;
    }

    /** Counts a field against {@code maxListBytes} and keeps it unless the list is over. */
    void add(String name, String value, boolean neverIndexedField, long maxListBytes) {
        listBytes += HpackDynamicTable.sizeOf(name, value);
        if (exceeded) {
            return;
        }
        if (listBytes > maxListBytes) {
            exceed();
            return;
        }
        if (2 * count + 2 > fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
            neverIndexed = Arrays.copyOf(neverIndexed, neverIndexed.length * 2);
        }
        fields[2 * count] = name;
        fields[2 * count + 1] = value;
        neverIndexed[count] = neverIndexedField;
        count++;
    }

    /** Counts a field whose name and value were not decoded (the list is already over). */
    void countSkipped(int nameLength, int valueLength) {
        listBytes += nameLength + valueLength + HpackDynamicTable.ENTRY_OVERHEAD;
    }

    private void exceed() {
        exceeded = true;
        Arrays.fill(fields, 0, 2 * count, null);
        count = 0;
    }
}
