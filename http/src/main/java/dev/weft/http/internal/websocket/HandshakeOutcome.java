package dev.weft.http.internal.websocket;

import dev.weft.http.Headers;
import dev.weft.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/** What the opening handshake decided: switch protocols, or answer with an HTTP error. */
public sealed interface HandshakeOutcome permits HandshakeOutcome.Accepted, HandshakeOutcome.Rejected {

    /**
     * The request is a valid WebSocket handshake: answer {@code 101} and start the session.
     *
     * @param responseHeaders the header fields of the {@code 101} response
     * @param subprotocol     the subprotocol selected, if any
     * @param deflate         the {@code permessage-deflate} parameters, if it was negotiated
     */
    record Accepted(Headers responseHeaders, Optional<String> subprotocol, Optional<DeflateParameters> deflate)
            implements HandshakeOutcome {

        /** Checks every component is present. */
        public Accepted {
            Objects.requireNonNull(responseHeaders, "responseHeaders");
            Objects.requireNonNull(subprotocol, "subprotocol");
            Objects.requireNonNull(deflate, "deflate");
        }

        /**
         * The whole {@code 101 Switching Protocols} response head, ready to write.
         *
         * @return the head's bytes, ending with the empty line
         */
        public byte[] responseHead() {
            StringBuilder head = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n");
            for (int i = 0; i < responseHeaders.size(); i++) {
                head.append(responseHeaders.name(i)).append(": ").append(responseHeaders.value(i)).append("\r\n");
            }
            return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The request cannot become a session: send {@code response} instead.
     *
     * @param response the error response (400, 403, 405 or 426)
     */
    record Rejected(Response response) implements HandshakeOutcome {
        /** Checks the response is present. */
        public Rejected {
            Objects.requireNonNull(response, "response");
        }
    }
}
