package dev.weft.samples.chat;

import dev.weft.http.HttpServerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.TcpServer;
import dev.weft.core.TcpServerConfig;
import dev.weft.core.rooms.RoomsConfig;
import dev.weft.core.tls.TlsConfig;
import dev.weft.samples.tls.DevelopmentCertificate;
import dev.weft.samples.tls.DevelopmentTrust;
import dev.weft.testing.ServerExtension;
import dev.weft.udp.RelayConfig;
import dev.weft.udp.UdpServerConfig;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code chat --tls}: the same chat, each client on its own TLS connection. */
class ChatOverTlsTest {

    private final DevelopmentCertificate certificate = DevelopmentCertificate.create();

    @RegisterExtension
    final ServerExtension servers = new ServerExtension();
    private TcpServer server;

    @BeforeEach
    void start() throws Exception {
        TcpServerConfig config = TcpServerConfig.builder().name("chat").host("127.0.0.1").port(0)
                .tls(TlsConfig.builder().certificate(certificate.keyMaterial()).noReloadChecks().build()).build();
        server = servers.start(DaggerChatComponent.factory().create(config, ChatConfig.DEFAULTS, RoomsConfig.DEFAULTS,
                UdpServerConfig.loopback(0), RelayConfig.DEFAULTS, HttpServerConfig.loopback(0), Optional.empty())
                .server());
    }

    private ChatClient join(String nick) throws Exception {
        SSLSocket socket = (SSLSocket) DevelopmentTrust.trusting(certificate.certificate()).getSocketFactory()
                .createSocket("localhost", server.port());
        ChatClient client = new ChatClient(socket);
        client.readUntil("* welcome");
        client.say("/nick " + nick);
        assertEquals("* you are now " + nick, client.readUntil("* you are now"));
        return client;
    }

    @Test
    void linesReachTheOtherTlsClientsOfTheRoom() throws Exception {
        try (ChatClient alice = join("alice"); ChatClient bob = join("bob")) {
            alice.say("hello over TLS");
            assertEquals("alice: hello over TLS", bob.readUntil("alice:"));
        }
        assertEquals(2, server.metrics().tls().handshakesCompleted());
    }
}
