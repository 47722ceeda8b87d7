/**
 * Weft Micrometer: the counters of Weft's servers, client registry, UDP servers and connection
 * pools as Micrometer meters, HTTP request timers, and a Prometheus scrape handler. The UDP and
 * Prometheus parts are optional: an application without {@code dev.weft.udp} or Micrometer's
 * Prometheus registry uses the rest.
 */
module dev.weft.micrometer {
    requires transitive dev.weft.http;
    requires transitive micrometer.core;
    requires static dev.weft.udp;
    requires static micrometer.registry.prometheus;

    exports dev.weft.micrometer;
}
