package dev.weft.loadtest.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loadtest.engine.EngineKind;
import dev.weft.loadtest.engine.Service;
import dev.weft.loadtest.report.NotApplicableRow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan runs what each engine serves and lists the rest as n/a with a reason. */
class MatrixPlanTest {

    private static MatrixPlan plan(List<EngineKind> engines, List<Scenario> scenarios) {
        return MatrixPlan.of(new MatrixOptions(Profile.QUICK, engines, scenarios, Path.of("unused"),
                Instruments.none("not needed here"), false, List.of()));
    }

    @Test
    void helidonHasNoEchoAndSaysSo() {
        MatrixPlan plan = plan(List.of(EngineKind.HELIDON), List.of(Scenario.ECHO, Scenario.HTTP));
        assertTrue(plan.allSteps().stream().allMatch(s -> s.scenario() == Scenario.HTTP), plan.toString());
        assertEquals(List.of(new NotApplicableRow("helidon", "echo", "Helidon SE WebServer has no raw TCP server")),
                plan.allNotApplicable());
    }

    @Test
    void weftServesWebSocketEchoAndH2cInBothThreadModes() {
        MatrixPlan plan = plan(List.of(EngineKind.WEFT_VIRTUAL, EngineKind.WEFT_PLATFORM), List.of(Scenario.WEBSOCKET));
        assertFalse(plan.allSteps().isEmpty(), "Weft serves WebSocket echo: " + plan);
        assertTrue(plan.allSteps().stream().allMatch(s -> s.scenario() == Scenario.WEBSOCKET), plan.toString());
        assertTrue(plan.allNotApplicable().isEmpty(), plan.toString());
        assertTrue(EngineKind.WEFT_VIRTUAL.services().contains(Service.H2C));
        assertTrue(EngineKind.WEFT_PLATFORM.services().contains(Service.H2C));
    }

    @Test
    void tlsScenariosRunBothVersionsAndH2RunsEachStreamCount() {
        MatrixPlan plan = plan(List.of(EngineKind.NETTY), List.of(Scenario.HTTPS, Scenario.TLS_CONNECT));
        assertEquals(List.of("netty https c=64 TLSv1.3", "netty https c=64 TLSv1.2", "netty tls-connect c=16 TLSv1.3",
                "netty tls-connect c=16 TLSv1.2"), plan.allSteps().stream().map(Step::describe).toList());
    }

    @Test
    void aScenarioWhoseInstrumentIsMissingIsNotApplicableWithHowToInstallIt() {
        MatrixPlan plan = plan(List.of(EngineKind.NETTY, EngineKind.JETTY), List.of(Scenario.WRK, Scenario.H2));
        assertTrue(plan.allSteps().isEmpty());
        assertTrue(plan.allNotApplicable().contains(new NotApplicableRow("netty", "h2",
                "h2load is not installed (apt-get install nghttp2-client; scripts/loadtest.sh installs it when run as root)")),
                plan.allNotApplicable().toString());
        assertTrue(plan.allNotApplicable().stream().anyMatch(r -> r.engine().equals("jetty") && r.scenario().equals("wrk")
                && r.reason().startsWith("Jetty runs only the HTTP/2 scenario")), plan.allNotApplicable().toString());
    }

    @Test
    void udpEchoRunsOnWeftAndNettyAtEachPeerCountAndIsNotApplicableElsewhere() {
        MatrixPlan plan = plan(List.of(EngineKind.values()), List.of(Scenario.UDP_ECHO));
        assertEquals(List.of("weft-virtual udp-echo c=1", "weft-virtual udp-echo c=64", "netty udp-echo c=1",
                "netty udp-echo c=64"), plan.allSteps().stream().map(Step::describe).toList());
        assertEquals(List.of("weft-platform", "reactor", "helidon", "jetty"),
                plan.allNotApplicable().stream().map(NotApplicableRow::engine).toList());
        assertTrue(plan.allNotApplicable().stream().allMatch(r -> r.reason().startsWith("UDP has no thread mode")
                || r.reason().equals("no UDP server: Netty is the UDP echo contrast")), plan.allNotApplicable().toString());
    }

    @Test
    void idleStepsComeLastForEachEngine() {
        MatrixPlan plan = plan(List.of(EngineKind.WEFT_VIRTUAL), List.of(Scenario.IDLE, Scenario.ECHO));
        List<Step> steps = plan.allSteps();
        assertEquals(Scenario.IDLE, steps.get(steps.size() - 1).scenario());
        assertEquals(Scenario.ECHO, steps.get(0).scenario());
    }
}
