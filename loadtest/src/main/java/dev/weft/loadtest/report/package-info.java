/**
 * The results of a run and their outputs: {@code report.md} (tables: engines and transports,
 * ratios to Netty, the Java generator beside wrk, CPU and system calls per response, one table
 * per scenario, idle memory, n/a pairs), a self-contained {@code report.html} with inline SVG
 * charts, the raw rows as CSV and JSON, and the JFR summaries with Weft's own events.
 */
package dev.weft.loadtest.report;
