package dev.weft.loadtest.generator;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/** Echo client: writes a fixed message and checks that the same bytes come back. */
final class EchoClient implements ProtocolClient {

    private final byte[] message;
    private final byte[] reply;

    EchoClient(int messageBytes) {
        message = new byte[messageBytes];
        for (int i = 0; i < messageBytes; i++) {
            message[i] = (byte) ('a' + i % 26);
        }
        reply = new byte[messageBytes];
    }

    @Override
    public void roundTrip(InputStream in, OutputStream out) throws IOException {
        out.write(message);
        out.flush();
        int read = 0;
        while (read < reply.length) {
            int n = in.read(reply, read, reply.length - read);
            if (n < 0) {
                throw new EOFException("echo server closed after " + read + " of " + reply.length + " bytes");
            }
            read += n;
        }
        if (!Arrays.equals(message, reply)) {
            throw new UnexpectedResponseException("echo reply differs from the " + message.length + "-byte message");
        }
    }
}
