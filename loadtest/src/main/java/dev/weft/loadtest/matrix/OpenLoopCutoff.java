package dev.weft.loadtest.matrix;

import dev.weft.loadtest.report.LoadRow;
import dev.weft.loadtest.report.SkippedRow;
import dev.weft.loadtest.report.StepResult;

/**
 * Ends an engine's open-loop rate sweep at the first rate that was not sustained (p99 over
 * {@link Profile#OPEN_LOOP_P99_LIMIT_MILLIS} or any error or timeout): higher rates would only
 * queue more.
 */
final class OpenLoopCutoff {

    private boolean saturated;

    boolean saturated() {
        return saturated;
    }

    void note(StepResult result) {
        if (result instanceof LoadRow row && row.targetRate().isPresent()
                && (row.p99Ms() > Profile.OPEN_LOOP_P99_LIMIT_MILLIS || row.errors() + row.timeouts() > 0)) {
            saturated = true;
        }
    }

    SkippedRow skip(Step step) {
        return new SkippedRow(step.engine().label(), step.scenario().label(), step.connections(),
                "not run: a lower rate already missed p99 < " + Profile.OPEN_LOOP_P99_LIMIT_MILLIS + " ms");
    }
}
