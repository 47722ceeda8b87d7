package dev.weft.loadtest.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local server misbehaving on purpose, one virtual thread per connection, for the generator's
 * accounting tests. It reads 64-byte echo messages (or HTTP request heads) and acts as its
 * {@link Behaviour} says.
 */
final class ScriptedServer implements AutoCloseable {

    /** How the server misbehaves: a closed set of faults. */
    sealed interface Behaviour {
        /** Echo, except that the message number {@code at} (from 1, over all connections) waits {@code stall} first. */
        record StallOnce(int at, Duration stall) implements Behaviour {
        }

        /** Echo {@code messages} messages on each connection, then close it. */
        record CloseAfter(int messages) implements Behaviour {
        }

        /** Read everything, answer nothing. */
        record NeverAnswer() implements Behaviour {
        }

        /** Answer every HTTP request head with a 500. */
        record Http500() implements Behaviour {
        }
    }

    private static final byte[] HTTP_500 = "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final Behaviour behaviour;
    private final AtomicInteger messages = new AtomicInteger();
    private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
    /** Never opened: waiting on it for the stall's length is the simulated stall. */
    private final CountDownLatch never = new CountDownLatch(1);
    private final Thread acceptor;

    ScriptedServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().name("scripted-acceptor").start(this::accept);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                sockets.add(socket);
                Thread.ofVirtual().name("scripted-connection").start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] message = new byte[64];
            for (int served = 0; ; served++) {
                if (behaviour instanceof Behaviour.Http500) {
                    if (!readHead(in)) {
                        return;
                    }
                    out.write(HTTP_500);
                    continue;
                }
                if (in.readNBytes(message, 0, message.length) < message.length) {
                    return;
                }
                switch (behaviour) {
                    case Behaviour.StallOnce stall -> {
                        if (messages.incrementAndGet() == stall.at()) {
                            never.await(stall.stall().toNanos(), TimeUnit.NANOSECONDS);
                        }
                    }
                    case Behaviour.CloseAfter close -> {
                        if (served == close.messages()) {
                            return;
                        }
                    }
                    case Behaviour.NeverAnswer ignored -> {
                        continue;
                    }
                    case Behaviour.Http500 ignored -> throw new IllegalStateException("handled above");
                }
                out.write(message);
            }
        } catch (IOException e) {
            // the client went away: normal at the end of a run
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean readHead(InputStream in) throws IOException {
        int matched = 0;
        for (int b; (b = in.read()) >= 0; ) {
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(s -> {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        });
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
