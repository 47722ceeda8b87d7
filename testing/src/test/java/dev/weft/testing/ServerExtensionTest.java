package dev.weft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class ServerExtensionTest {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    /** A server as the extension sees one: start() and close(). */
    public static final class FakeServer implements AutoCloseable {
        private final String name;
        private final boolean failOnClose;

        FakeServer(String name, boolean failOnClose) {
            this.name = name;
            this.failOnClose = failOnClose;
        }

        public FakeServer start() {
            EVENTS.add("start " + name);
            return this;
        }

        @Override
        public void close() {
            EVENTS.add("close " + name);
            if (failOnClose) {
                throw new IllegalStateException(name + " failed to close");
            }
        }
    }

    @ExtendWith(ServerExtension.class)
    static class FieldServers {
        @TestServer
        static final FakeServer SHARED = new FakeServer("shared", false);

        @TestServer(order = 2)
        final FakeServer second = new FakeServer("second", false);

        @TestServer(order = 1)
        final FakeServer first = new FakeServer("first", false);

        @Test
        void runs() {
            EVENTS.add("test");
        }
    }

    @ExtendWith(ServerExtension.class)
    static class ParameterServers {
        @Test
        void startsWhatTheTestBuilds(TestServers servers) {
            servers.start(new FakeServer("built", true));
            servers.closeAfterwards(new FakeServer("unstarted", false));
            EVENTS.add("test");
        }
    }

    static class StaticRegistration {
        @RegisterExtension
        static final ServerExtension SERVERS = new ServerExtension();

        @BeforeAll
        static void startShared() {
            SERVERS.start(new FakeServer("class-wide", false));
        }

        @BeforeEach
        void startPerTest() {
            SERVERS.start(new FakeServer("per-test", false));
        }

        @Test
        void one() {
            EVENTS.add("test");
        }

        @Test
        void two() {
            EVENTS.add("test");
        }
    }

    private static Events run(Class<?> testClass) {
        EVENTS.clear();
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    @Test
    void fieldServersStartBeforeTheTestAndCloseAfterItInReverseOrder() {
        run(FieldServers.class).assertStatistics(stats -> stats.succeeded(1));
        assertEquals(List.of("start shared", "start first", "start second", "test",
                "close second", "close first", "close shared"), EVENTS);
    }

    @Test
    void onAStaticFieldServersStartedBeforeAllTestsCloseAfterAllOfThemAndTheTestsOwnAfterEach() {
        run(StaticRegistration.class).assertStatistics(stats -> stats.succeeded(2));
        assertEquals(List.of("start class-wide", "start per-test", "test", "close per-test",
                "start per-test", "test", "close per-test", "close class-wide"), EVENTS);
    }

    @Test
    void aServerThatFailsToCloseFailsTheTestButTheOthersAreClosed() {
        run(ParameterServers.class).assertStatistics(stats -> stats.failed(1));
        assertEquals(List.of("start built", "test", "close unstarted", "close built"), EVENTS);
    }
}
