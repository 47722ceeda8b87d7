package dev.weft.loadtest.report;

/**
 * A step that could not run, and why; listed in the report, never silently dropped.
 *
 * @param engine      the engine
 * @param scenario    the scenario
 * @param connections the connections it would have used
 * @param reason      why it did not run
 */
public record SkippedRow(String engine, String scenario, int connections, String reason) implements StepResult {
}
