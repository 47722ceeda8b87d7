package dev.weft.loadtest.matrix;

import dev.weft.loadtest.tls.TlsSuite;

/** What distinguishes steps of one scenario at the same connection count: a closed set. */
public sealed interface Variant {

    /** Nothing: the scenario has one shape. */
    record None() implements Variant {
        @Override
        public String label() {
            return "";
        }
    }

    /**
     * An open-loop rate.
     *
     * @param perSecond round trips per second over all connections
     */
    record Rate(int perSecond) implements Variant {
        /** Validates. */
        public Rate {
            if (perSecond <= 0) {
                throw new IllegalArgumentException("perSecond must be > 0: " + perSecond);
            }
        }

        @Override
        public String label() {
            return "rate=" + perSecond + "/s";
        }
    }

    /**
     * A TLS version with its one cipher suite.
     *
     * @param suite the version and suite
     */
    record Tls(TlsSuite suite) implements Variant {
        @Override
        public String label() {
            return suite.protocol();
        }
    }

    /**
     * Concurrent HTTP/2 streams per connection.
     *
     * @param perConnection streams in flight on each connection
     */
    record Streams(int perConnection) implements Variant {
        /** Validates. */
        public Streams {
            if (perConnection <= 0) {
                throw new IllegalArgumentException("perConnection must be > 0: " + perConnection);
            }
        }

        @Override
        public String label() {
            return "streams=" + perConnection;
        }
    }

    /**
     * HTTP/1.1 requests per write (pipelining), for the external {@code wrk} steps.
     *
     * @param depth requests in one write; 1 is plain keep-alive
     */
    record Pipeline(int depth) implements Variant {
        /** Validates. */
        public Pipeline {
            if (depth <= 0) {
                throw new IllegalArgumentException("depth must be > 0: " + depth);
            }
        }

        @Override
        public String label() {
            return depth == 1 ? "keep-alive" : "pipelined x" + depth;
        }
    }

    /** The variant in a few characters for progress lines and the report; empty for {@link None}. */
    String label();
}
