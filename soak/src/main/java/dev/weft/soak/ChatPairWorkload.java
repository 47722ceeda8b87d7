package dev.weft.soak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Two chat clients alone in a room of their own, talking in turn: each line must reach the other
 * as {@code nickname: text}. Every {@link #EXCHANGES_PER_SESSION} exchanges both leave and two new
 * clients (new nicknames) take their place, so joins, renames and leaves run all along.
 */
final class ChatPairWorkload implements Workload {

    static final int EXCHANGES_PER_SESSION = 100;

    private final InetSocketAddress server;
    private final Duration timeout;
    private final int worker;
    private int session;
    private Participant first;
    private Participant second;

    ChatPairWorkload(InetSocketAddress server, Duration timeout, int worker) {
        this.server = server;
        this.timeout = timeout;
        this.worker = worker;
    }

    @Override
    public void exchange(long sequence) throws Exception {
        if (first == null) {
            session++;
            String room = "soak-room-" + worker;
            first = Participant.enter(server, timeout, "soak-a-" + worker + "-" + session, room);
            second = Participant.enter(server, timeout, "soak-b-" + worker + "-" + session, room);
        }
        first.connection().say("ping " + sequence);
        WrongAnswerException.check("chat line", first.nickname() + ": ping " + sequence,
                second.connection().readUntil(first.nickname() + ": "));
        second.connection().say("pong " + sequence);
        WrongAnswerException.check("chat line", second.nickname() + ": pong " + sequence,
                first.connection().readUntil(second.nickname() + ": "));
        if (sequence % EXCHANGES_PER_SESSION == EXCHANGES_PER_SESSION - 1) {
            first.connection().say("/quit");
            first.connection().readUntil("* bye");
            close();
        }
    }

    @Override
    public void close() {
        Participant.closeQuietly(first);
        Participant.closeQuietly(second);
        first = null;
        second = null;
    }

    /** A chat client that has taken a nickname and entered a room. */
    record Participant(LineConnection connection, String nickname) {

        static Participant enter(InetSocketAddress server, Duration timeout, String nickname, String room)
                throws IOException, WrongAnswerException {
            LineConnection connection = new LineConnection(server, timeout);
            try {
                connection.readUntil("* welcome");
                connection.say("/nick " + nickname);
                WrongAnswerException.check("rename", "* you are now " + nickname, connection.readUntil("* you are now"));
                connection.say("/join " + room);
                WrongAnswerException.check("join", "* you are in " + room, connection.readUntil("* you are in"));
                return new Participant(connection, nickname);
            } catch (IOException | WrongAnswerException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        static void closeQuietly(Participant participant) {
            if (participant == null) {
                return;
            }
            try {
                participant.connection().close();
            } catch (IOException e) {
                // Closing a socket we are done with: nothing to recover, the driver goes on.
            }
        }
    }
}
