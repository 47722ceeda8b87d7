package dev.weft.http.internal.websocket;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A client's side of {@code permessage-deflate} for tests, written from RFC 7692 independently
 * of the server's classes: compress with a sync flush and strip the tail; inflate with the tail
 * appended.
 */
final class ClientDeflate implements AutoCloseable {

    private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

    private final Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    private final Inflater inflater = new Inflater(true);
    private final boolean takeOverContext;

    ClientDeflate(boolean takeOverContext) {
        this.takeOverContext = takeOverContext;
    }

    /** The compressed payload of one message. */
    byte[] compress(byte[] data) {
        if (!takeOverContext) {
            deflater.reset();
        }
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        byte[] compressed = out.toByteArray();
        if (!Arrays.equals(compressed, compressed.length - 4, compressed.length, TAIL, 0, 4)) {
            throw new AssertionError("a sync flush ends with 00 00 ff ff");
        }
        return Arrays.copyOf(compressed, compressed.length - 4);
    }

    /** The payload of a compressed message from the server. */
    byte[] decompress(byte[] payload) throws DataFormatException {
        byte[] input = new byte[payload.length + 4];
        System.arraycopy(payload, 0, input, 0, payload.length);
        System.arraycopy(TAIL, 0, input, payload.length, 4);
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int n = inflater.inflate(buffer);
            out.write(buffer, 0, n);
            if (n == 0 && (inflater.needsInput() || inflater.finished())) {
                break;
            }
        }
        return out.toByteArray();
    }

    /** Starts the decompression context afresh (the server does not take it over). */
    void resetInflater() {
        inflater.reset();
    }

    @Override
    public void close() {
        deflater.end();
        inflater.end();
    }
}
