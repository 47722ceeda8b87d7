package dev.weft.http.internal;

import java.io.InputStream;
import java.util.Objects;

/**
 * The body of a request that has none: always at its end, stateless, so one instance serves every
 * such request (unlike {@link InputStream#nullInputStream()}, which is made per call and remembers
 * being closed).
 */
final class NoBody extends InputStream {

    /** The one instance. */
    static final NoBody INSTANCE = new NoBody();

    private NoBody() {
    }

    @Override
    public int read() {
        return -1;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return length == 0 ? 0 : -1;
    }

    @Override
    public byte[] readAllBytes() {
        return new byte[0];
    }

    @Override
    public long skip(long n) {
        return 0;
    }
}
