/**
 * TLS helpers for the samples: {@link dev.weft.samples.tls.DevelopmentCertificate} makes a
 * self-signed {@code localhost} certificate in memory at start-up, so a sample can serve HTTPS
 * without certificate files. It uses Bouncy Castle, which only the samples depend on.
 *
 * <p>Not here: TLS itself ({@code dev.weft.core.tls}), and loading real certificates from files,
 * which {@code TlsConfig} does.
 */
package dev.weft.samples.tls;
