package dev.weft.http.internal;

/** Whether a connection carries another request after the current exchange. */
public enum Persistence {
    /** The connection stays open for the next request. */
    KEEP_ALIVE,
    /** The connection closes after this response ({@code Connection: close}). */
    CLOSE;

    /** {@link #KEEP_ALIVE} when {@code keepAlive}, else {@link #CLOSE}. */
    static Persistence of(boolean keepAlive) {
        return keepAlive ? KEEP_ALIVE : CLOSE;
    }
}
