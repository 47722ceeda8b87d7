package dev.weft.soak;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * An echo client that opens a new connection for every exchange — three lines written, the same
 * three read back — and then closes it, every other time with a reset: connection churn, the path
 * that leaks descriptors and registry entries if anything does.
 */
final class EchoWorkload implements Workload {

    private static final int LINES = 3;

    private final InetSocketAddress server;
    private final Duration timeout;
    private final String id;

    EchoWorkload(InetSocketAddress server, Duration timeout, int worker) {
        this.server = server;
        this.timeout = timeout;
        this.id = "echo-" + worker;
    }

    @Override
    public void exchange(long sequence) throws Exception {
        try (LineConnection connection = new LineConnection(server, timeout)) {
            StringBuilder request = new StringBuilder();
            for (int i = 0; i < LINES; i++) {
                request.append(line(sequence, i)).append(i < LINES - 1 ? "\n" : "");
            }
            connection.say(request.toString());
            for (int i = 0; i < LINES; i++) {
                WrongAnswerException.check("echoed line", line(sequence, i), connection.readLine());
            }
            if (sequence % 2 == 1) {
                connection.reset();
            }
        }
    }

    private String line(long sequence, int i) {
        return id + " " + sequence + "." + i + " the quick brown fox";
    }

    @Override
    public void close() {
        // Nothing held between exchanges.
    }
}
