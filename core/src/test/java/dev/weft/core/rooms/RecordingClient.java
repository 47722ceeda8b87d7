package dev.weft.core.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.weft.core.Client;
import dev.weft.core.ClientAttributes;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A member for unit tests of the rooms service: it keeps what it is sent, one line per entry.
 * The rooms' real members (TCP connections, UDP peers) are exercised over real sockets in the
 * {@code udp} module and the samples.
 */
class RecordingClient implements Client {

    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final ClientAttributes attributes = new ClientAttributes();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile boolean open = true;

    @Override
    public long id() {
        return id;
    }

    @Override
    public String protocol() {
        return "test";
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 1);
    }

    @Override
    public ClientAttributes attributes() {
        return attributes;
    }

    @Override
    public boolean send(byte[] message) {
        if (!open) {
            return false;
        }
        String text = new String(message, StandardCharsets.UTF_8);
        assertEquals('\n', text.charAt(text.length() - 1), () -> "a line ends in \\n: " + text);
        lines.add(text.substring(0, text.length() - 1));
        return true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    /** The next line sent, waiting up to five seconds. */
    String next() throws InterruptedException {
        String line = lines.poll(5, TimeUnit.SECONDS);
        assertNotNull(line, "no line within 5 s");
        return line;
    }

    /** Whether nothing more was sent (deliveries are synchronous: no waiting needed). */
    boolean heardNothingMore() {
        return lines.isEmpty();
    }

    @Override
    public String toString() {
        return "client-" + id;
    }
}
