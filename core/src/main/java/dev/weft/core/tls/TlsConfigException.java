package dev.weft.core.tls;

/**
 * TLS configuration that cannot be used: a certificate or key file that is missing, damaged, in
 * the wrong format, encrypted with a wrong password, or a key that does not belong to its
 * certificate; a protocol or cipher suite that is not allowed or not supported. The message names
 * the file and the problem, and says how to fix it where there is one usual fix, for example:
 * {@code "key.pem: not a PKCS#8 private key (found 'BEGIN RSA PRIVATE KEY'; convert with openssl
 * pkcs8 -topk8)"}.
 *
 * <p>Thrown when a server starts (it then does not start) and reported, never thrown, by a
 * reload (the certificates in use stay).
 */
public final class TlsConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message naming the file and the problem.
     *
     * @param message names the file and the problem
     */
    public TlsConfigException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message naming the file and the problem, and its cause.
     *
     * @param message names the file and the problem
     * @param cause   the failure that revealed it
     */
    public TlsConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
