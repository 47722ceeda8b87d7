package dev.weft.http.internal.websocket;

/**
 * A {@link ByteSource} with no socket: returns the given bytes at most {@code bytesPerRead} at a
 * time — the way TCP may split them — then the end of the stream.
 */
final class ByteScript implements ByteSource {

    private final byte[] input;
    private final int bytesPerRead;
    private int position;

    ByteScript(byte[] input, int bytesPerRead) {
        this.input = input;
        this.bytesPerRead = bytesPerRead;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position == input.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, bytesPerRead), input.length - position);
        System.arraycopy(input, position, b, off, n);
        position += n;
        return n;
    }

    /** How many bytes have been read. */
    int consumed() {
        return position;
    }
}
