package dev.weft.loadtest.generator;

import dev.weft.loadtest.tls.ClientTls;

/** What the clients say to the server: a closed set of request/response protocols. */
public sealed interface Protocol {

    /** A new client for one connection; it holds that connection's buffers. */
    ProtocolClient newClient();

    /** How many responses one round trip completes (the pipeline depth, 1 for echo). */
    int responsesPerRoundTrip();

    /** A short label for the report, e.g. {@code "echo-64B"}. */
    String label();

    /**
     * TCP echo: send a message, read the same bytes back.
     *
     * @param messageBytes the message size
     */
    record Echo(int messageBytes) implements Protocol {
        /** Validates. */
        public Echo {
            if (messageBytes <= 0) {
                throw new IllegalArgumentException("messageBytes must be > 0: " + messageBytes);
            }
        }

        @Override
        public ProtocolClient newClient() {
            return new EchoClient(messageBytes);
        }

        @Override
        public int responsesPerRoundTrip() {
            return 1;
        }

        @Override
        public String label() {
            return "echo-" + messageBytes + "B";
        }
    }

    /**
     * HTTP/1.1 keep-alive {@code GET /hello}: send {@code pipelineDepth} requests in one write,
     * then read as many {@code 200} responses.
     *
     * @param pipelineDepth requests per round trip; 1 is plain keep-alive
     */
    record Http(int pipelineDepth) implements Protocol {
        /** Validates. */
        public Http {
            if (pipelineDepth <= 0) {
                throw new IllegalArgumentException("pipelineDepth must be > 0: " + pipelineDepth);
            }
        }

        @Override
        public ProtocolClient newClient() {
            return new HelloClient(pipelineDepth);
        }

        @Override
        public int responsesPerRoundTrip() {
            return pipelineDepth;
        }

        @Override
        public String label() {
            return pipelineDepth == 1 ? "http" : "http-pipelined-" + pipelineDepth;
        }
    }

    /**
     * HTTPS keep-alive {@code GET /hello}: a full handshake with {@code tls}'s one version and
     * cipher on each new connection, then plain {@link Http} round trips.
     *
     * @param tls the client side of TLS, shared by every connection of the step
     */
    record Https(ClientTls tls) implements Protocol {
        /** Validates. */
        public Https {
            java.util.Objects.requireNonNull(tls, "tls");
        }

        @Override
        public ProtocolClient newClient() {
            return new TlsHelloClient(tls);
        }

        @Override
        public int responsesPerRoundTrip() {
            return 1;
        }

        @Override
        public String label() {
            return "https-" + tls.suite().protocol();
        }
    }

    /**
     * WebSocket echo at {@code /ws}: one masked binary message, its echo read back and compared.
     *
     * @param messageBytes the message size (at most 65,535)
     */
    record WebSocketEcho(int messageBytes) implements Protocol {
        /** Validates. */
        public WebSocketEcho {
            if (messageBytes <= 0 || messageBytes > 65_535) {
                throw new IllegalArgumentException("messageBytes must be in 1..65535: " + messageBytes);
            }
        }

        @Override
        public ProtocolClient newClient() {
            return new WebSocketEchoClient(messageBytes);
        }

        @Override
        public int responsesPerRoundTrip() {
            return 1;
        }

        @Override
        public String label() {
            return "ws-echo-" + messageBytes + "B";
        }
    }
}
