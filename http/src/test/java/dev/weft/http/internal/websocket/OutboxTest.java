package dev.weft.http.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.websocket.CloseStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbox's order and bound, with the writer run by the test itself: nothing is written
 * until {@link #drain()}, so what is queued meanwhile is exactly known.
 */
class OutboxTest {

    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final List<CloseStatus> closesWritten = new ArrayList<>();
    private int writerStarts;
    private final Outbox outbox = new Outbox(100, new FrameWriter(new UpgradedConnection() {
        @Override
        public int read(byte[] b, int off, int len) {
            return -1;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            wire.write(b, off, len);
        }

        @Override
        public void shutdownOutput() {
        }

        @Override
        public void close() {
        }
    }, null), null, new Outbox.Events() {
        @Override
        public void closeWritten(CloseStatus status) {
            closesWritten.add(status);
        }

        @Override
        public void writeFailed(IOException e) {
            throw new AssertionError(e);
        }

        @Override
        public void writerFailed(RuntimeException e) {
            throw new AssertionError(e);
        }
    }, () -> writerStarts++);

    /** Runs the writer, then returns the frames it wrote as strings like {@code "1:abc"}. */
    private List<String> drain() throws IOException {
        outbox.drain();
        List<String> frames = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(wire.toByteArray());
        wire.reset();
        while (in.available() > 0) {
            ServerFrame frame = ServerFrame.read(in);
            frames.add((frame.fin() ? "" : "~") + frame.opcode() + ":"
                    + (frame.isClose() ? frame.closeCode() + " " + frame.closeReason() : frame.text()));
        }
        return frames;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void controlFramesAreWrittenBeforeQueuedData() throws IOException {
        outbox.offer(Opcode.TEXT, bytes("data"));
        outbox.pong(bytes("p"));
        outbox.ping();
        assertEquals(List.of("10:p", "9:", "1:data"), drain());
        assertEquals(1, writerStarts, "one writer for the burst");
    }

    @Test
    void aGracefulCloseFollowsTheQueuedDataAndNothingFollowsIt() throws IOException {
        outbox.offer(Opcode.TEXT, bytes("one"));
        outbox.offer(Opcode.BINARY, bytes("two"));
        assertTrue(outbox.close(new CloseStatus(4000, "bye"), false));
        assertFalse(outbox.close(CloseStatus.NORMAL_1000, false), "one close frame only");
        outbox.pong(bytes("late"));
        assertEquals(Outbox.Offer.CLOSED, outbox.offer(Opcode.TEXT, bytes("late")));
        assertEquals(List.of("1:one", "2:two", "8:4000 bye"), drain());
        assertEquals(List.of(new CloseStatus(4000, "bye")), closesWritten);
    }

    @Test
    void anUrgentCloseDropsTheQueuedData() throws IOException {
        outbox.offer(Opcode.TEXT, bytes("dropped"));
        outbox.close(CloseStatus.POLICY_VIOLATION_1008, true);
        assertEquals(List.of("8:1008 "), drain());
    }

    @Test
    void aMessageThatWouldPassTheBoundOverflowsUnlessTheQueueIsEmpty() {
        assertEquals(Outbox.Offer.QUEUED, outbox.offer(Opcode.BINARY, new byte[500]), "any one message fits");
        assertEquals(Outbox.Offer.OVERFLOW, outbox.offer(Opcode.BINARY, new byte[1]));
        outbox.drain();
        assertEquals(Outbox.Offer.QUEUED, outbox.offer(Opcode.BINARY, new byte[60]));
        assertEquals(Outbox.Offer.QUEUED, outbox.offer(Opcode.BINARY, new byte[40]));
        assertEquals(Outbox.Offer.OVERFLOW, outbox.offer(Opcode.BINARY, new byte[1]));
    }

    @Test
    void everyPingIsAnsweredUpToTheBoundThenTheOldestAreDropped() throws IOException {
        for (int i = 0; i < Outbox.MAX_PENDING_PONGS + 3; i++) {
            outbox.pong(bytes(Integer.toString(i)));
        }
        List<String> frames = drain();
        assertEquals(Outbox.MAX_PENDING_PONGS, frames.size());
        assertEquals("10:3", frames.get(0));
        assertEquals("10:" + (Outbox.MAX_PENDING_PONGS + 2), frames.get(frames.size() - 1));
    }

    @Test
    void aStreamKeepsItsPlaceAndLaterMessagesWaitForItsEnd() throws IOException {
        outbox.offer(Opcode.TEXT, bytes("before"));
        Outbox.Stream stream = outbox.openStream(Opcode.TEXT);
        outbox.offer(Opcode.TEXT, bytes("after"));
        outbox.offer(stream, bytes("a"), false);
        assertEquals(List.of("1:before", "~1:a"), drain(), "the later message waits for the stream");
        outbox.offer(stream, bytes("b"), false);
        outbox.offer(stream, bytes("c"), true);
        assertEquals(List.of("~0:b", "0:c", "1:after"), drain());
    }

    @Test
    void aStreamWriterFailsOnceTheSessionIsGone() {
        Outbox.Stream stream = outbox.openStream(Opcode.BINARY);
        outbox.abort();
        assertThrows(PeerClosedException.class, () -> outbox.offer(stream, new byte[1], true));
        assertEquals(null, outbox.openStream(Opcode.BINARY));
    }
}
