package dev.weft.redis.internal;

/** Bytes from Redis that are not a {@link WireMessage} of a version this instance reads. */
public final class MalformedMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, one of a small fixed set (see {@link WireCodec}) */
    public MalformedMessageException(String reason) {
        super(reason, null, false, false);
    }
}
