package dev.weft.http.internal.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One extension a client offers in {@code Sec-WebSocket-Extensions} (RFC 6455 section 9.1),
 * with its parameters in order (a parameter may wrongly appear twice; the negotiation decides).
 *
 * @param name       the extension's name, lower case
 * @param parameters its parameters
 */
record ExtensionOffer(String name, List<Parameter> parameters) {

    /**
     * One parameter: a name, and a value when one is given (a quoted value is unquoted).
     *
     * @param name  the parameter's name, lower case
     * @param value its value, if any
     */
    record Parameter(String name, Optional<String> value) {
    }

    /**
     * Parses every {@code Sec-WebSocket-Extensions} field, in order.
     *
     * @return the offers, or empty when a field is malformed (then no extension is negotiated)
     */
    static Optional<List<ExtensionOffer>> parse(List<String> fieldValues) {
        List<ExtensionOffer> offers = new ArrayList<>();
        for (String value : fieldValues) {
            Cursor cursor = new Cursor(value);
            while (true) {
                cursor.skipSpaces();
                if (cursor.atEnd()) {
                    break;
                }
                if (cursor.peek() == ',') {
                    cursor.advance();
                    continue;
                }
                Optional<ExtensionOffer> offer = offer(cursor);
                if (offer.isEmpty()) {
                    return Optional.empty();
                }
                offers.add(offer.get());
            }
        }
        return Optional.of(offers);
    }

    private static Optional<ExtensionOffer> offer(Cursor cursor) {
        String name = cursor.token();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<Parameter> parameters = new ArrayList<>();
        while (true) {
            cursor.skipSpaces();
            if (cursor.atEnd() || cursor.peek() == ',') {
                return Optional.of(new ExtensionOffer(name, parameters));
            }
            if (cursor.peek() != ';') {
                return Optional.empty();
            }
            cursor.advance();
            cursor.skipSpaces();
            String parameter = cursor.token();
            if (parameter.isEmpty()) {
                return Optional.empty();
            }
            cursor.skipSpaces();
            Optional<String> value = Optional.empty();
            if (!cursor.atEnd() && cursor.peek() == '=') {
                cursor.advance();
                cursor.skipSpaces();
                String text = !cursor.atEnd() && cursor.peek() == '"' ? cursor.quoted() : cursor.token();
                if (text == null || text.isEmpty()) {
                    return Optional.empty();
                }
                value = Optional.of(text);
            }
            parameters.add(new Parameter(parameter, value));
        }
    }

    /** A position in one field value. */
    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        char peek() {
            return text.charAt(position);
        }

        void advance() {
            position++;
        }

        void skipSpaces() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                position++;
            }
        }

        /** A token (possibly empty), lower case. */
        String token() {
            int start = position;
            while (!atEnd() && isTokenChar(peek())) {
                position++;
            }
            return text.substring(start, position).toLowerCase(Locale.ROOT);
        }

        /** A quoted string, unquoted; null when it is not closed. */
        String quoted() {
            position++;
            StringBuilder value = new StringBuilder();
            while (!atEnd()) {
                char c = peek();
                position++;
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (atEnd()) {
                        return null;
                    }
                    c = peek();
                    position++;
                }
                value.append(c);
            }
            return null;
        }

        private static boolean isTokenChar(char c) {
            return c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
    }
}
