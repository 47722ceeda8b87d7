/**
 * TLS for the load test's HTTPS scenarios: the two fixed suites every engine and the generator
 * agree on ({@link dev.weft.loadtest.tls.TlsSuite}), a server certificate generated in memory
 * when an engine starts, never written or checked in
 * ({@link dev.weft.loadtest.tls.GeneratedCertificate}), and the generator's client side, which
 * forces a full handshake on every new connection ({@link dev.weft.loadtest.tls.ClientTls}).
 * Servers build their own TLS engines from these.
 */
package dev.weft.loadtest.tls;
