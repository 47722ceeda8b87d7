package dev.weft.soak;

/**
 * One simulated client of one protocol, driven by one virtual thread: each {@link #exchange}
 * sends a request and checks its complete answer. A workload connects lazily and keeps its
 * connections between exchanges unless the protocol's scenario says otherwise.
 */
public interface Workload extends AutoCloseable {

    /**
     * Performs one exchange and checks the answer.
     *
     * @param sequence this client's exchange number, from 0: part of the payload, so that an
     *                 answer to another request is caught
     * @throws Exception on any failure: an I/O error, a timeout, a wrong answer
     */
    void exchange(long sequence) throws Exception;

    /** Drops the connections; the next exchange reconnects. Called after a failure and at the end. */
    @Override
    void close();
}
