package dev.weft.loadtest.report;

/** The outcome of one step of the matrix: a closed set of row kinds. */
public sealed interface StepResult permits LoadRow, IdleRow, SkippedRow, NotApplicableRow {

    /** The engine's label. */
    String engine();

    /** The scenario's label. */
    String scenario();
}
