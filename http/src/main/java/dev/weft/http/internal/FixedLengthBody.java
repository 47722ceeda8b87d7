package dev.weft.http.internal;

import java.io.IOException;

/** A body of declared {@code Content-Length} (possibly zero). */
public final class FixedLengthBody extends BodyInput {

    private long remaining;

    /**
     * A body of exactly {@code length} bytes.
     *
     * @param context        the connection's buffers and read timeout
     * @param expectContinue whether the client sent {@code Expect: 100-continue}, so the first
     *                       read sends {@code 100 Continue}
     * @param length         the declared length, already checked against the body limit
     */
    public FixedLengthBody(BodyContext context, boolean expectContinue, long length) {
        super(context, expectContinue);
        this.remaining = length;
    }

    @Override
    int readBody(byte[] destination, int offset, int length) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int n = readAvailable(destination, offset, (int) Math.min(length, remaining));
        remaining -= n;
        return n;
    }

    @Override
    boolean finished() {
        return remaining == 0;
    }

    @Override
    public int available() {
        return (int) Math.min(remaining, in.buffered());
    }
}
