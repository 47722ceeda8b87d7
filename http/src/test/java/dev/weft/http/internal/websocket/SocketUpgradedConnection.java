package dev.weft.http.internal.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** An {@link UpgradedConnection} over a plain socket, standing in for core's connection. */
final class SocketUpgradedConnection implements UpgradedConnection {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    SocketUpgradedConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, len);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        out.flush();
    }

    @Override
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new AssertionError("closing a socket failed", e);
        }
    }
}
