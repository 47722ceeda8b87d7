package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.core.LineTooLongException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConnectionInputTest {

    /** A source that hands out at most {@code step} bytes per read, like a trickling peer. */
    private static InputStream trickle(String text, int step) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private static ConnectionInput input(String text, int step, int bufferBytes) {
        return new ConnectionInput(trickle(text, step), bufferBytes, new LongAdder());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 4_096})
    void linesEndingInLfOrCrLfAreReadWhateverTheReadSizes(int step) throws IOException {
        ConnectionInput in = input("hello\r\nwörld\n\nlast", step, 16);
        assertEquals("hello", in.readLine(100));
        assertEquals("wörld", in.readLine(100));
        assertEquals("", in.readLine(100));
        assertEquals("last", in.readLine(100));
        assertNull(in.readLine(100));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 4_096})
    void aTooLongLineIsDiscardedAndTheNextLineIsReadIntact(int step) throws IOException {
        ConnectionInput in = input("a".repeat(50) + "\nshort\n", step, 8);
        LineTooLongException e = assertThrows(LineTooLongException.class, () -> in.readLine(10));
        assertEquals(10, e.maxBytes());
        assertEquals("short", in.readLine(10));
    }

    @Test
    void aLineOfExactlyTheMaximumIsAcceptedWithOrWithoutCr() throws IOException {
        ConnectionInput in = input("0123456789\r\n0123456789\n01234567890\n", 3, 4);
        assertEquals("0123456789", in.readLine(10));
        assertEquals("0123456789", in.readLine(10));
        assertThrows(LineTooLongException.class, () -> in.readLine(10));
    }

    @Test
    void readExactlyAssemblesTricklingBytesAndFailsAtAnEarlyEnd() throws IOException {
        ConnectionInput in = input("abcdefgh", 1, 4);
        byte[] first = new byte[5];
        in.readExactly(first, 0, 5);
        assertArrayEquals("abcde".getBytes(StandardCharsets.US_ASCII), first);
        EOFException e = assertThrows(EOFException.class, () -> in.readExactly(new byte[5], 0, 5));
        assertEquals("stream ended after 3 of 5 bytes", e.getMessage());
    }

    @Test
    void largeReadsBypassTheBufferAndBytesAreCounted() throws IOException {
        LongAdder counted = new LongAdder();
        ConnectionInput in = new ConnectionInput(trickle("x".repeat(100), 100), 16, counted);
        byte[] all = new byte[100];
        assertEquals(100, in.read(all, 0, 100));
        assertEquals(100, counted.sum());
        assertEquals(-1, in.read());
    }

    @Test
    void releasingADrainedBufferKeepsUnreadBytes() throws IOException {
        ConnectionInput in = input("one\ntwo\n", 64, 64);
        assertEquals("one", in.readLine(10));
        in.releaseIfDrained(); // "two\n" is still buffered: must not be dropped
        assertEquals("two", in.readLine(10));
        in.releaseIfDrained();
        assertNull(in.readLine(10));
    }
}
