package dev.weft.http.internal;

/**
 * A request body that the client can break — cut it short, send malformed framing, stall past
 * the read timeout, reset its stream — as the protocol engine sees it. When a handler fails while
 * its request's body is broken, the failure is the client's: {@link HandlerFailures} answers 400
 * and logs at DEBUG instead of answering 500 and logging an error.
 */
public interface ClientBody {

    /**
     * Whether reading this body failed by the client's doing.
     *
     * @return whether the body is broken
     */
    boolean broken();
}
