package dev.weft.http.internal.h2;

import java.nio.charset.StandardCharsets;

/**
 * Decodes HPACK header blocks (RFC 7541) of one connection's inbound direction, keeping its
 * dynamic table.
 *
 * <p>Defences: integers are limited to {@code 2^31 - 1}; a string may not run past the block; a
 * dynamic table size update is accepted only before the block's first field and only up to our
 * {@code SETTINGS_HEADER_TABLE_SIZE}; Huffman padding is checked. The header list size is
 * counted while decoding: once it passes the limit, no field is kept any more, but the block is
 * still decoded to its end — an indexed field costs no allocation then, and literals are
 * skipped unless they enter the dynamic table — so the table stays in step with the peer's
 * encoder and a small block referencing a big table entry many times (a "bomb") never becomes
 * a big list in memory. Any decoding error leaves the table out of step with the peer: the
 * caller must end the connection ({@code COMPRESSION_ERROR}).
 */
final class HpackDecoder {

    private final HpackDynamicTable table;
    private final int maxTableSize;

    /**
     * @param maxTableSize the {@code SETTINGS_HEADER_TABLE_SIZE} we advertise: the largest table
     *                     the peer's encoder may use
     */
    HpackDecoder(int maxTableSize) {
        this.maxTableSize = maxTableSize;
        this.table = new HpackDynamicTable(maxTableSize);
    }

    /** The dynamic table's current size in octets (for tests). */
    int tableSize() {
        return table.size();
    }

    /** The dynamic table's number of entries (for tests). */
    int tableLength() {
        return table.length();
    }

    /**
     * Decodes one complete header block.
     *
     * @param maxListBytes the header list size above which fields are no longer kept
     * @return the fields; check {@link HeaderFields#exceeded()}
     * @throws HpackException when the block is malformed
     */
    HeaderFields decode(byte[] block, int offset, int length, long maxListBytes) throws HpackException {
        HeaderFields fields = new HeaderFields();
        Cursor in = new Cursor(block, offset, offset + length);
        boolean fieldSeen = false;
        while (in.position < in.end) {
            int first = block[in.position] & 0xFF;
            if ((first & 0x80) != 0) {
                indexed(in, fields, maxListBytes);
                fieldSeen = true;
            } else if ((first & 0xC0) == 0x40) {
                literal(in, 6, fields, maxListBytes, Indexing.INCREMENTAL);
                fieldSeen = true;
            } else if ((first & 0xE0) == 0x20) {
                if (fieldSeen) {
                    throw new HpackException("dynamic table size update after the first field of a block");
                }
                int newSize = in.integer(5);
                if (newSize > maxTableSize) {
                    throw new HpackException("dynamic table size update (" + newSize
                            + ") exceeds SETTINGS_HEADER_TABLE_SIZE (" + maxTableSize + ")");
                }
                table.resize(newSize);
            } else {
                literal(in, 4, fields, maxListBytes, (first & 0x10) != 0 ? Indexing.NEVER : Indexing.WITHOUT);
                fieldSeen = true;
            }
        }
        return fields;
    }

    private void indexed(Cursor in, HeaderFields fields, long maxListBytes) throws HpackException {
        int index = in.integer(7);
        if (index == 0) {
            throw new HpackException("indexed header field with index 0");
        }
        String name = name(index);
        String value = index <= HpackStaticTable.LENGTH ? HpackStaticTable.value(index)
                : table.value(index - HpackStaticTable.LENGTH);
        fields.add(name, value, false, maxListBytes);
    }

    private void literal(Cursor in, int prefixBits, HeaderFields fields, long maxListBytes, Indexing indexing)
            throws HpackException {
        int nameIndex = in.integer(prefixBits);
        String name = nameIndex == 0 ? in.string() : name(nameIndex);
        if (fields.exceeded() && indexing != Indexing.INCREMENTAL) {
            fields.countSkipped(name.length(), in.skipString());
            return;
        }
        String value = in.string();
        if (indexing == Indexing.INCREMENTAL) {
            table.add(name, value);
        }
        fields.add(name, value, indexing == Indexing.NEVER, maxListBytes);
    }

    private String name(int index) throws HpackException {
        if (index <= HpackStaticTable.LENGTH) {
            return HpackStaticTable.name(index);
        }
        int dynamicIndex = index - HpackStaticTable.LENGTH;
        if (dynamicIndex > table.length()) {
            throw new HpackException("index " + index + " is beyond the tables ("
                    + (HpackStaticTable.LENGTH + table.length()) + " entries)");
        }
        return table.name(dynamicIndex);
    }

    /** How a literal field relates to the dynamic table. */
    private enum Indexing { INCREMENTAL, WITHOUT, NEVER }

    /** A read position in a block, with the primitive decodings of RFC 7541 section 5. */
    private static final class Cursor {
        private final byte[] bytes;
        private final int end;
        private int position;

        Cursor(byte[] bytes, int position, int end) {
            this.bytes = bytes;
            this.position = position;
            this.end = end;
        }

        /** An integer with an N-bit prefix (section 5.1), at most {@code 2^31 - 1}. */
        int integer(int prefixBits) throws HpackException {
            int max = (1 << prefixBits) - 1;
            int value = bytes[position++] & max;
            if (value < max) {
                return value;
            }
            long result = value;
            int shift = 0;
            while (true) {
                if (position >= end) {
                    throw new HpackException("integer runs past the end of the block");
                }
                if (shift > 28) {
                    throw new HpackException("integer of more than 5 continuation octets");
                }
                int octet = bytes[position++] & 0xFF;
                result += (long) (octet & 0x7F) << shift;
                if (result > Integer.MAX_VALUE) {
                    throw new HpackException("integer exceeds " + Integer.MAX_VALUE);
                }
                if ((octet & 0x80) == 0) {
                    return (int) result;
                }
                shift += 7;
            }
        }

        /** A string literal (section 5.2). */
        String string() throws HpackException {
            boolean huffman = position < end && (bytes[position] & 0x80) != 0;
            int length = stringLength();
            int start = position;
            position += length;
            return huffman ? HpackHuffman.decode(bytes, start, length)
                    : new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }

        /** Skips a string literal; returns its encoded length. */
        int skipString() throws HpackException {
            int length = stringLength();
            position += length;
            return length;
        }

        private int stringLength() throws HpackException {
            if (position >= end) {
                throw new HpackException("string literal missing at the end of the block");
            }
            int length = integer(7);
            if (length > end - position) {
                throw new HpackException("string literal of " + length + " octets runs past the block ("
                        + (end - position) + " left)");
            }
            return length;
        }
    }
}
