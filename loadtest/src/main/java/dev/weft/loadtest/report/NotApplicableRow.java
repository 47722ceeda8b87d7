package dev.weft.loadtest.report;

/**
 * A scenario that has no meaning for an engine (Helidon has no raw TCP echo), or that needs an
 * instrument this machine lacks; the report says "n/a" with the reason.
 *
 * @param engine   the engine
 * @param scenario the scenario
 * @param reason   why it is not measured
 */
public record NotApplicableRow(String engine, String scenario, String reason) implements StepResult {
}
