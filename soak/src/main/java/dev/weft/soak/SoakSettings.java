package dev.weft.soak;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The soak driver's settings, from its command line ({@link SoakMain}). The server must be on a
 * loopback address: soak traffic never leaves the machine.
 *
 * @param pid          the server process to sample
 * @param host         the server's loopback address
 * @param echoPort     its echo port
 * @param chatPort     its chat port
 * @param udpPort      its UDP relay port
 * @param httpPort     its HTTP port, if it serves HTTP
 * @param duration     how long the load runs
 * @param warmUp       the samples before it are left out of the trends: a fifth of the run, at
 *                     most two minutes
 * @param interval     how often the process is sampled
 * @param workers      clients of each kind
 * @param pause        each client's pause between exchanges
 * @param timeout      the longest wait for any one answer
 * @param output       where the report goes
 */
record SoakSettings(long pid, InetAddress host, int echoPort, int chatPort, int udpPort, Optional<Integer> httpPort,
                    Duration duration, Duration warmUp, Duration interval, int workers, Duration pause,
                    Duration timeout, Path output) {

    SoakSettings {
        if (pid <= 0) {
            throw new IllegalArgumentException("--pid must be > 0: " + pid);
        }
        for (int port : new int[] {echoPort, chatPort, udpPort, httpPort.orElse(1)}) {
            if (port <= 0 || port > 65_535) {
                throw new IllegalArgumentException("a port is 1..65535, not " + port);
            }
        }
        if (!host.isLoopbackAddress()) {
            throw new IllegalArgumentException("soak traffic stays on loopback; not a loopback address: " + host);
        }
        if (duration.isNegative() || duration.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the duration (" + duration + ") and the sampling interval ("
                    + interval + ") must be positive");
        }
        if (workers <= 0) {
            throw new IllegalArgumentException("--workers must be > 0: " + workers);
        }
        if (pause.isNegative()) {
            throw new IllegalArgumentException("--pause-millis must be >= 0: " + pause.toMillis());
        }
    }

    InetSocketAddress address(int port) {
        return new InetSocketAddress(host, port);
    }
}
