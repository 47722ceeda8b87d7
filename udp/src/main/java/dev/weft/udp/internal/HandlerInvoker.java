package dev.weft.udp.internal;

import dev.weft.udp.Datagram;
import dev.weft.udp.DatagramHandler;
import dev.weft.udp.DatagramOutcome;
import dev.weft.udp.DatagramSender;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the handler for one datagram and counts the result: a {@link DatagramOutcome#MALFORMED}
 * datagram as a drop, an exception as a handler failure (logged at ERROR: it is a bug in the
 * handler, not bad input). Nothing a handler throws escapes to the receive loop.
 */
public final class HandlerInvoker {

    private static final Logger log = LoggerFactory.getLogger(HandlerInvoker.class);

    private final DatagramHandler handler;
    private final DatagramSender sender;
    private final UdpCounters counters;

    /**
     * An invoker of {@code handler}.
     *
     * @param handler  the application's handler
     * @param sender   handed to the handler with each datagram
     * @param counters where outcomes are counted
     */
    public HandlerInvoker(DatagramHandler handler, DatagramSender sender, UdpCounters counters) {
        this.handler = handler;
        this.sender = sender;
        this.counters = counters;
    }

    /**
     * Handles {@code datagram} on the calling thread.
     *
     * @param datagram the datagram received
     */
    public void invoke(Datagram datagram) {
        try {
            DatagramOutcome outcome = handler.handle(datagram, sender);
            if (outcome == DatagramOutcome.MALFORMED) {
                counters.droppedMalformed.increment();
            }
        } catch (InterruptedException e) {
            // Only stop() interrupts handler threads: finish quietly.
            counters.handlerFailures.increment();
            log.debug("handler interrupted by stop while handling {}", datagram);
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            counters.handlerFailures.increment();
            log.error("handler failed on {}", datagram, e);
        }
    }

    /**
     * Tells the handler about an oversized datagram; nothing it throws escapes.
     *
     * @param from             the sender
     * @param maxDatagramBytes the limit that was exceeded
     */
    public void oversized(InetSocketAddress from, int maxDatagramBytes) {
        try {
            handler.oversized(from, maxDatagramBytes, sender);
        } catch (RuntimeException e) {
            counters.handlerFailures.increment();
            log.error("handler failed on an oversized datagram from {}", from, e);
        }
    }
}
