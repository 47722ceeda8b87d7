package dev.weft.samples.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Any bytes either decode to a message that encodes back to the same message, or are refused
 * with a {@link ProtocolException} ({@link ErrorCode#BAD_FRAME}) — never another exception.
 * Loading the fuzzer's agent costs seconds to tens of seconds on a busy machine, so the class
 * runs only when asked: {@code JAZZER_FUZZ=1 scripts/with-jdk21 mvn -pl samples -am verify
 * -Dtest=FileProtocolFuzzTest -Dsurefire.failIfNoSpecifiedTests=false} fuzzes each target for
 * its {@code maxDuration}.
 */
@EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = ".+")
class FileProtocolFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyFrameDecodesToAMessageThatRoundTripsOrIsABadFrame(byte[] frame) throws ProtocolException {
        FileMessage message;
        try {
            message = FileProtocol.decode(frame);
        } catch (ProtocolException e) {
            assertEquals(ErrorCode.BAD_FRAME, e.code(), e.getMessage());
            return;
        }
        if (message instanceof FileMessage.Error error && error.message().length() > 1_000) {
            return;   // long error messages are cut when encoded, by design
        }
        byte[] encoded = FileProtocol.encode(message);
        assertEquals(message, FileProtocol.decode(Arrays.copyOfRange(encoded, Integer.BYTES, encoded.length)));
    }

    @FuzzTest(maxDuration = "30s")
    void anyStreamYieldsFramesWithinTheLimitOrADefinedError(byte[] stream) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(stream);
        try {
            for (byte[] frame; (frame = FileProtocol.readFrame(in, 64)) != null; ) {
                assertTrue(frame.length >= 1 && frame.length <= 64, "frame of " + frame.length + " bytes");
            }
        } catch (ProtocolException | EOFException e) {
            // The defined outcomes for a length over the limit, an empty frame or a cut stream.
        }
    }
}
