package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

class DisconnectTest {

    @Test
    void aConnectionClosedHereIsClosedHereWhateverTheException() {
        assertEquals(Disconnect.CLOSED_HERE, Disconnect.classify(new SocketException("Socket closed"), true));
        assertEquals(Disconnect.CLOSED_HERE, Disconnect.classify(new IOException("anything"), true));
    }

    @Test
    void aChannelClosedUnderTheOperationIsClosedHere() {
        assertEquals(Disconnect.CLOSED_HERE, Disconnect.classify(new ClosedChannelException(), false));
        assertEquals(Disconnect.CLOSED_HERE, Disconnect.classify(new AsynchronousCloseException(), false));
    }

    @Test
    void anEarlyEndOrASocketErrorIsThePeerGoingAway() {
        assertEquals(Disconnect.PEER_GONE, Disconnect.classify(new EOFException("stream ended"), false));
        assertEquals(Disconnect.PEER_GONE, Disconnect.classify(new SocketException("Connection reset"), false));
    }

    @Test
    void aResetReportedAsAPlainIoExceptionIsRecognisedByItsMessageAsALastResort() {
        assertEquals(Disconnect.PEER_GONE, Disconnect.classify(new IOException("Broken pipe"), false));
        assertEquals(Disconnect.PEER_GONE, Disconnect.classify(new IOException("Connection reset by peer"), false));
        assertEquals(Disconnect.PEER_GONE, Disconnect.classify(
                new IOException("An established connection was aborted by the software in your host machine"), false));
    }

    @Test
    void anythingElseIsARealFailure() {
        assertEquals(Disconnect.FAILURE, Disconnect.classify(new IOException("No space left on device"), false));
        assertEquals(Disconnect.FAILURE, Disconnect.classify(new IOException((String) null), false));
    }
}
