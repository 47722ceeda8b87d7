package dev.weft.http.internal.websocket;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The server's side of the {@code permessage-deflate} negotiation (RFC 7692 section 7.1):
 * takes the first offer it can honour, in the client's order of preference.
 *
 * <p>An offer is declined when it has an unknown parameter, a parameter twice, a value where
 * none belongs or an invalid one (section 7.1), and when it requires a server window below 15
 * bits ({@code server_max_window_bits} &lt; 15): {@link java.util.zip.Deflater} always
 * compresses with a 32 KiB window, and a peer that asked for a smaller one could not decode
 * it. Browsers offer {@code permessage-deflate; client_max_window_bits}, which is accepted. A
 * client's window limit needs no answer: the server's inflater decodes any window.
 *
 * @param parameters    what the engine does differently
 * @param responseValue the {@code Sec-WebSocket-Extensions} value of the {@code 101} response
 */
record DeflateNegotiation(DeflateParameters parameters, String responseValue) {

    static final String NAME = "permessage-deflate";

    /** The agreement on the first acceptable offer, if any. */
    static Optional<DeflateNegotiation> negotiate(List<ExtensionOffer> offers) {
        for (ExtensionOffer offer : offers) {
            if (offer.name().equals(NAME)) {
                Optional<DeflateNegotiation> accepted = accept(offer);
                if (accepted.isPresent()) {
                    return accepted;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<DeflateNegotiation> accept(ExtensionOffer offer) {
        boolean serverNoContextTakeover = false;
        boolean clientNoContextTakeover = false;
        boolean serverMaxWindowBits = false;
        Set<String> seen = new HashSet<>();
        for (ExtensionOffer.Parameter parameter : offer.parameters()) {
            if (!seen.add(parameter.name())) {
                return Optional.empty();
            }
            Optional<String> value = parameter.value();
            switch (parameter.name()) {
                case "server_no_context_takeover" -> {
                    if (value.isPresent()) {
                        return Optional.empty();
                    }
                    serverNoContextTakeover = true;
                }
                case "client_no_context_takeover" -> {
                    if (value.isPresent()) {
                        return Optional.empty();
                    }
                    clientNoContextTakeover = true;
                }
                case "server_max_window_bits" -> {
                    if (windowBits(value) != 15) {
                        return Optional.empty();
                    }
                    serverMaxWindowBits = true;
                }
                case "client_max_window_bits" -> {
                    if (value.isPresent() && windowBits(value) == 0) {
                        return Optional.empty();
                    }
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        StringBuilder response = new StringBuilder(NAME);
        if (serverNoContextTakeover) {
            response.append("; server_no_context_takeover");
        }
        if (clientNoContextTakeover) {
            response.append("; client_no_context_takeover");
        }
        if (serverMaxWindowBits) {
            response.append("; server_max_window_bits=15");
        }
        return Optional.of(new DeflateNegotiation(
                new DeflateParameters(serverNoContextTakeover, clientNoContextTakeover), response.toString()));
    }

    /** A window size of 8 to 15 bits written as a plain decimal; 0 when absent or invalid. */
    private static int windowBits(Optional<String> value) {
        if (value.isEmpty() || !value.get().matches("8|9|1[0-5]")) {
            return 0;
        }
        return Integer.parseInt(value.get());
    }
}
