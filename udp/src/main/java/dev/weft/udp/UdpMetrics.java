package dev.weft.udp;

/**
 * A point-in-time snapshot of a {@link UdpServer}'s counters, all since it was created.
 *
 * @param received         datagrams received, including those then dropped
 * @param bytesReceived    payload bytes received (of an oversized datagram, only the bytes read)
 * @param sent             datagrams sent through the server's {@link DatagramSender}
 * @param bytesSent        payload bytes sent
 * @param droppedOversized datagrams longer than {@link DatagramBuffers#maxDatagramBytes()}
 * @param droppedMalformed datagrams the handler reported as {@link DatagramOutcome#MALFORMED}
 * @param droppedQueueFull datagrams dropped because {@link DispatchConfig#maxInFlightDatagrams()}
 *                         were already being handled ({@link Dispatch#VIRTUAL_THREAD_PER_DATAGRAM})
 * @param droppedSendQueueFull datagrams not sent because {@link DatagramBuffers#sendQueueDatagrams()}
 *                         were already waiting to be sent
 * @param handlerFailures  datagrams whose handler threw
 * @param sendFailures     sends the kernel refused, or attempted after the server stopped
 * @param receiveFailures  receive calls that failed with an I/O error other than the socket closing
 * @param livePeers        peers the handler tracks now (see {@link DatagramHandler#livePeers()})
 */
public record UdpMetrics(long received, long bytesReceived, long sent, long bytesSent,
                         long droppedOversized, long droppedMalformed, long droppedQueueFull,
                         long droppedSendQueueFull,
                         long handlerFailures, long sendFailures, long receiveFailures,
                         long livePeers) {
}
