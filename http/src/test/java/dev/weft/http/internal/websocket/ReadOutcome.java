package dev.weft.http.internal.websocket;

import dev.weft.http.websocket.CloseStatus;
import dev.weft.http.websocket.MessageType;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything a {@link MessageReader} made of some input: messages and control frames as
 * readable strings, in order, and how it stopped — at a close frame ({@code "end"}), at the end
 * of the input ({@code "eof"}), or with a protocol failure (its close code).
 *
 * @param events  {@code "TEXT hello"}, {@code "BINARY 0a0b"}, {@code "ping 01"}, {@code "pong "},
 *                {@code "close 1000 bye"}, then {@code "end"} or {@code "eof"}
 * @param failure the close code of the protocol failure, 0 when none
 * @param reason  the failure's reason
 */
record ReadOutcome(List<String> events, int failure, String reason) {

    /** Reads {@code input} to its end, {@code bytesPerRead} bytes per read at most. */
    static ReadOutcome of(byte[] input, int bytesPerRead, int maxFrameBytes, long maxMessageBytes,
                          DeflateParameters deflate) {
        List<String> events = new ArrayList<>();
        MessageReader.ControlFrames controls = new MessageReader.ControlFrames() {
            @Override
            public void ping(byte[] payload) {
                events.add("ping " + HexFormat.of().formatHex(payload));
            }

            @Override
            public void pong(byte[] payload) {
                events.add("pong " + HexFormat.of().formatHex(payload));
            }

            @Override
            public void close(CloseStatus status) {
                events.add(("close " + status.code() + " " + status.reason()).trim());
            }
        };
        MessageInflater inflater = deflate == null ? null : new MessageInflater(deflate);
        FrameInput in = new FrameInput(new ByteScript(input, bytesPerRead), new byte[0]);
        MessageReader reader = new MessageReader(new FrameReader(in, maxFrameBytes, deflate != null),
                maxMessageBytes, inflater, controls);
        try {
            MessageType type;
            while ((type = reader.next()) != null) {
                byte[] payload = reader.readWhole();
                events.add(type + " " + (type == MessageType.TEXT
                        ? new String(payload, StandardCharsets.UTF_8) : HexFormat.of().formatHex(payload)));
            }
            events.add("end");
            return new ReadOutcome(events, 0, "");
        } catch (ProtocolFailure f) {
            return new ReadOutcome(events, f.status().code(), f.status().reason());
        } catch (EOFException e) {
            events.add("eof");
            return new ReadOutcome(events, 0, "");
        } catch (PeerClosedException e) {
            events.add("closed mid-message");
            return new ReadOutcome(events, 0, "");
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            if (inflater != null) {
                inflater.release();
            }
        }
    }
}
