/**
 * The results of a run and their outputs: {@code report.md} (tables), a self-contained
 * {@code report.html} with inline SVG charts, and the raw rows as CSV and JSON.
 */
package dev.weft.loadtest.report;
