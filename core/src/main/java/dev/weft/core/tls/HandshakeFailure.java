package dev.weft.core.tls;

/**
 * Why a TLS handshake failed, as counted in {@link TlsMetrics}. Every failed handshake closes its
 * connection (with a TLS alert where TLS has one), is counted under exactly one reason and is
 * logged at DEBUG: a client that cannot speak to the server is the client's business, and never
 * disturbs other connections.
 *
 * <p>The reason is taken first from what the engine observed itself (the first bytes, end of
 * stream, the handshake deadline), then from the type of the failure (a
 * {@link java.security.cert.CertificateException} in its causes), then from the TLS alert sent or
 * received, and only as a last resort from the JDK's message text.
 */
public enum HandshakeFailure {

    /**
     * The first bytes were not a TLS record: plaintext (an {@code http://} request to an
     * {@code https} port) or garbage. A plaintext HTTP request is answered with a plain
     * {@code HTTP/1.1 400} naming the problem, the way nginx does; anything else is closed.
     */
    NOT_TLS,

    /** The client offered only protocol versions the server refuses (SSL 3, TLS 1.0, TLS 1.1). */
    PROTOCOL_VERSION,

    /**
     * The two sides share no cipher suite (or no key-exchange group or signature scheme, which
     * TLS reports with the same {@code handshake_failure} alert).
     */
    NO_SHARED_CIPHER,

    /** The client offered ALPN protocols, none of which the server accepts. */
    NO_APPLICATION_PROTOCOL,

    /**
     * A certificate was refused: the client sent none where one is required, its certificate did
     * not verify against the trust store, or the client refused the server's certificate.
     */
    BAD_CERTIFICATE,

    /** The handshake did not finish before its deadline and the server closed the connection. */
    TIMEOUT,

    /** The peer closed or reset the connection before the handshake finished. */
    PEER_CLOSED,

    /**
     * A TLS ClientHello arrived on a <em>plaintext</em> port (a client using {@code https://} or
     * TLS against a server that speaks no TLS). Only a protocol that looks for it sees it — the
     * HTTP server does, before parsing — and it is closed with nothing sent: the server speaks
     * no TLS, not even an alert.
     */
    TLS_ON_PLAINTEXT_PORT,

    /** Any other failure: a malformed record, an unexpected message, a local close during stop. */
    OTHER
}
