package dev.weft.loadtest;

import dev.weft.loadtest.engine.EngineHost;
import dev.weft.loadtest.engine.EngineKind;
import dev.weft.loadtest.engine.EngineOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code engine KIND}: one engine as a child process of a run, until its standard input ends. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Runs one engine until its standard input ends (started by 'run').")
final class EngineCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KIND", description = "the engine: ${COMPLETION-CANDIDATES}",
            completionCandidates = Main.EngineLabels.class)
    private EngineKind kind;

    @Override
    public Integer call() throws Exception {
        EngineHost.run(kind, EngineOptions.LOOPBACK_EPHEMERAL, System.in, System.out);
        return 0;
    }
}
