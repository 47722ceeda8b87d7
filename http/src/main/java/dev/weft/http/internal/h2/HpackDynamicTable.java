package dev.weft.http.internal.h2;

/**
 * The HPACK dynamic table (RFC 7541 section 2.3.2): a FIFO of header fields, newest first, whose
 * size (name octets + value octets + 32 per entry) never exceeds its maximum; adding an entry
 * evicts the oldest ones until it fits, and an entry larger than the maximum empties the table.
 * Strings are ISO-8859-1, one char per octet. Not thread-safe: one per direction of a connection.
 */
final class HpackDynamicTable {

    /** The overhead counted per entry. */
    static final int ENTRY_OVERHEAD = 32;

    private String[] names = new String[16];
    private String[] values = new String[16];
    /** The slot of the newest entry; entries go backwards from it. */
    private int head;
    private int length;
    private int size;
    private int maxSize;
    private long insertions;

    /** A table whose maximum size is {@code maxSize} octets. */
    HpackDynamicTable(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The size of a field as the table counts it. */
    static int sizeOf(String name, String value) {
        return name.length() + value.length() + ENTRY_OVERHEAD;
    }

    /** The number of entries. */
    int length() {
        return length;
    }

    /** The current size in octets. */
    int size() {
        return size;
    }

    /** The maximum size in octets. */
    int maxSize() {
        return maxSize;
    }

    /** How many entries were ever added (the encoder tells entries apart by it). */
    long insertions() {
        return insertions;
    }

    /** The name of entry {@code index}, 1 being the newest. */
    String name(int index) {
        return names[slot(index)];
    }

    /** The value of entry {@code index}, 1 being the newest. */
    String value(int index) {
        return values[slot(index)];
    }

    private int slot(int index) {
        if (index < 1 || index > length) {
            throw new IndexOutOfBoundsException("dynamic table index " + index + " of " + length);
        }
        return Math.floorMod(head - index + 1, names.length);
    }

    /** Adds a field as the newest entry, evicting the oldest ones to make room. */
    void add(String name, String value) {
        insertions++;
        int entrySize = sizeOf(name, value);
        if (entrySize > maxSize) {
            clear();
            return;
        }
        evictUntil(maxSize - entrySize);
        if (length == names.length) {
            grow();
        }
        head = (head + 1) % names.length;
        names[head] = name;
        values[head] = value;
        length++;
        size += entrySize;
    }

    /** Changes the maximum size, evicting the oldest entries that no longer fit. */
    void resize(int newMaxSize) {
        maxSize = newMaxSize;
        evictUntil(newMaxSize);
    }

    private void evictUntil(int targetSize) {
        while (size > targetSize) {
            int oldest = Math.floorMod(head - length + 1, names.length);
            size -= sizeOf(names[oldest], values[oldest]);
            names[oldest] = null;
            values[oldest] = null;
            length--;
        }
    }

    private void clear() {
        evictUntil(0);
    }

    private void grow() {
        String[] newNames = new String[names.length * 2];
        String[] newValues = new String[names.length * 2];
        for (int i = 0; i < length; i++) {
            int from = Math.floorMod(head - length + 1 + i, names.length);
            newNames[i] = names[from];
            newValues[i] = values[from];
        }
        names = newNames;
        values = newValues;
        head = length - 1;
    }
}
