/**
 * Weft's metrics in Micrometer. {@link dev.weft.micrometer.WeftMeters} binds the counters and
 * gauges a Weft application already keeps — each server's {@code ServerMetrics}, the client
 * registry's size and slow-client disconnections, a UDP server's {@code UdpMetrics}, a pool's
 * {@code PoolMetrics} — to a {@code MeterRegistry}; {@link dev.weft.micrometer.RequestMetricsFilter}
 * times every HTTP response by method, route template and status; and
 * {@link dev.weft.micrometer.PrometheusHandler} answers a scrape.
 *
 * <p>Meters read the servers' own counters when the registry is scraped or published: nothing is
 * counted twice and nothing runs on the connections' threads but the request timer, which records
 * one sample per response on the exchange's thread. Meter names and tags are listed on
 * {@link dev.weft.micrometer.WeftMeters}; no tag takes a value from a request (a path, a query),
 * so the number of time series stays bounded whatever clients send.
 *
 * <p>Not here: the counters themselves, which live in {@code dev.weft.core} and the protocol
 * modules and cost nothing when no registry reads them.
 */
package dev.weft.micrometer;
