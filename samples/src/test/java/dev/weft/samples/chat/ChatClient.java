package dev.weft.samples.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/** A chat participant over a real socket; every read has a timeout so no test can hang. */
final class ChatClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader reader;
    private final OutputStream out;

    ChatClient(int port, int receiveBufferBytes) throws IOException {
        socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(10_000);
        reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    ChatClient(int port) throws IOException {
        this(port, 0);
    }

    /** A participant over an already connected socket (a TLS one, say). */
    ChatClient(Socket connected) throws IOException {
        socket = connected;
        socket.setSoTimeout(10_000);
        reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    /**
     * A client of the chat at {@code port}, past its welcome (and the room's history before it),
     * renamed {@code nickname}.
     */
    static ChatClient named(int port, String nickname) throws IOException {
        ChatClient client = new ChatClient(port);
        client.readUntil("* welcome, ");
        client.say("/nick " + nickname);
        String answer = client.readUntilAnswer();
        if (!answer.equals("* you are now " + nickname)) {
            client.close();
            throw new IOException("could not become " + nickname + ": " + answer);
        }
        return client;
    }

    /** Reads lines until the next one that is not a room notice ({@code * ...}); returns it. */
    String readChatLine() throws IOException {
        return readUntil(line -> !line.startsWith("* "), "that is not a notice");
    }

    /**
     * The next line that is not a room notice, if one comes within {@code wait}; lines that came
     * before it, notices and others, are skipped.
     */
    Optional<String> readChatLineWithin(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            return Optional.of(readChatLine());
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    /**
     * Whether a line this client, {@code nickname}, says now reaches {@code other} within a
     * moment; lines {@code other} had not read yet — said during an outage, say — are skipped.
     */
    boolean reaches(ChatClient other, String nickname) {
        try {
            String probe = "probe " + System.nanoTime();
            say(probe);
            for (Optional<String> line = other.readChatLineWithin(Duration.ofMillis(500)); line.isPresent();
                 line = other.readChatLineWithin(Duration.ofMillis(500))) {
                if (line.get().equals(nickname + ": " + probe)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    void say(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void sayRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    String read() throws IOException {
        return reader.readLine();
    }

    /** Reads lines until one starts with {@code prefix}; returns it. */
    String readUntil(String prefix) throws IOException {
        return readUntil(line -> line.startsWith(prefix), "starting with " + prefix);
    }

    /** Reads lines until one contains {@code text}; returns it. */
    String readUntilContaining(String text) throws IOException {
        return readUntil(line -> line.contains(text), "containing " + text);
    }

    /** Reads lines until the server's answer to a command: one that is not a room notice of another client. */
    String readUntilAnswer() throws IOException {
        return readUntil(line -> line.startsWith("!") || line.startsWith("* you "), "answering a command");
    }

    private String readUntil(Predicate<String> wanted, String description) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            if (wanted.test(line)) {
                return line;
            }
        }
        throw new IOException("connection closed before a line " + description);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
