package dev.weft.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.core.fixtures.ScriptedConnection;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BufferedInputTest {

    /** Buffered input over a peer that sends {@code text} at most {@code step} bytes at a time. */
    private static BufferedInput input(String text, int step, int bufferBytes) {
        return new BufferedInput(ScriptedConnection.of(text, step), bufferBytes);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 4_096})
    void linesEndingInLfOrCrLfAreReadWhateverTheReadSizes(int step) throws IOException {
        BufferedInput in = input("hello\r\nwörld\n\nlast", step, 16);
        assertEquals("hello", in.readLine(100));
        assertEquals("wörld", in.readLine(100));
        assertEquals("", in.readLine(100));
        assertEquals("last", in.readLine(100));
        assertNull(in.readLine(100));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 4_096})
    void aTooLongLineIsDiscardedAndTheNextLineIsReadIntact(int step) throws IOException {
        BufferedInput in = input("a".repeat(50) + "\nshort\n", step, 8);
        LineTooLongException e = assertThrows(LineTooLongException.class, () -> in.readLine(10));
        assertEquals(10, e.maxBytes());
        assertEquals("short", in.readLine(10));
    }

    @Test
    void aLineOfExactlyTheMaximumIsAcceptedWithOrWithoutCr() throws IOException {
        BufferedInput in = input("0123456789\r\n0123456789\n01234567890\n", 3, 4);
        assertEquals("0123456789", in.readLine(10));
        assertEquals("0123456789", in.readLine(10));
        assertThrows(LineTooLongException.class, () -> in.readLine(10));
    }

    @Test
    void readExactlyAssemblesTricklingBytesAndFailsAtAnEarlyEnd() throws IOException {
        BufferedInput in = input("abcdefgh", 1, 4);
        byte[] first = new byte[5];
        in.readExactly(first, 0, 5);
        assertArrayEquals("abcde".getBytes(StandardCharsets.US_ASCII), first);
        EOFException e = assertThrows(EOFException.class, () -> in.readExactly(new byte[5], 0, 5));
        assertEquals("stream ended after 3 of 5 bytes", e.getMessage());
    }

    @Test
    void largeReadsBypassTheBufferInOneRead() throws IOException {
        ScriptedConnection peer = ScriptedConnection.of("x".repeat(100), 100);
        BufferedInput in = new BufferedInput(peer, 16);
        byte[] all = new byte[100];
        assertEquals(100, in.read(all, 0, 100));
        assertEquals(0, in.available());
        assertEquals(-1, in.read());
    }

    @Test
    void readSomeReturnsWhatArrivedWithoutWaitingForMore() throws IOException {
        BufferedInput in = input("abcdef", 4, 64);
        assertArrayEquals("abcd".getBytes(StandardCharsets.US_ASCII), in.readSome(100));
        assertArrayEquals("ef".getBytes(StandardCharsets.US_ASCII), in.readSome(100));
        assertNull(in.readSome(100));
    }

    @Test
    void releasingADrainedBufferKeepsUnreadBytes() throws IOException {
        BufferedInput in = input("one\ntwo\n", 64, 64);
        assertEquals("one", in.readLine(10));
        in.releaseIfDrained(); // "two\n" is still buffered: must not be dropped
        assertEquals("two", in.readLine(10));
        in.releaseIfDrained();
        assertNull(in.readLine(10));
    }
}
