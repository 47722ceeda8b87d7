package dev.weft.core.internal.tls;

import dev.weft.core.tls.CipherPolicy;
import dev.weft.core.tls.TlsClientConfig;
import dev.weft.core.tls.TlsConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of TLS for Weft's outgoing connections (connection pools, proxy backends and
 * upstreams): an {@link SSLContext} built once from a {@link TlsClientConfig}, and an engine per
 * connection that sends the host name by SNI and, unless turned off, verifies that the server's
 * certificate names that host (the HTTPS rules: {@code setEndpointIdentificationAlgorithm("HTTPS")}).
 */
public final class ClientTlsContext {

    private static final Logger log = LoggerFactory.getLogger(ClientTlsContext.class);
    private static final char[] IN_MEMORY_PASSWORD = new char[0];

    private final TlsClientConfig config;
    private final SSLContext context;
    private final HandshakeCounters counters = new HandshakeCounters();

    private ClientTlsContext(TlsClientConfig config, SSLContext context) {
        this.config = config;
        this.context = context;
    }

    /**
     * Reads and checks the trust store and client certificate of {@code config}.
     *
     * @throws TlsConfigException naming the file and the problem
     */
    public static ClientTlsContext create(TlsClientConfig config) {
        Objects.requireNonNull(config, "config");
        Set<Path> paths = new LinkedHashSet<>();
        MaterialFiles.addPaths(config.trusted(), paths);
        config.clientCertificate().ifPresent(c -> MaterialFiles.addPaths(c, paths));
        MaterialFiles files = MaterialFiles.read(paths);
        List<String> warnings = new ArrayList<>();
        KeyManager[] keys = config.clientCertificate()
                .map(c -> keyManagers(CertifiedKeyLoader.load(c, files, Instant.now(), warnings)))
                .orElse(null);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, TrustStoreLoader.load(config.trusted(), files), null);
            ServerTlsContext.checkSupported(context, config.cipherPolicy(), warnings);
            warnings.forEach(w -> log.warn("TLS client: {}", w));
            return new ClientTlsContext(config, context);
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * A client-mode engine for a connection to {@code host}: SNI carries it unless it is an IP
     * address, and the server's certificate must name it unless verification is off.
     */
    public SSLEngine newEngine(String host, int port) {
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(config.cipherPolicy().protocols().toArray(String[]::new));
        parameters.setCipherSuites(config.cipherPolicy().cipherSuites().toArray(String[]::new));
        parameters.setNamedGroups(CipherPolicy.KEY_EXCHANGE_GROUPS.toArray(String[]::new));
        if (!config.applicationProtocols().isEmpty()) {
            parameters.setApplicationProtocols(config.applicationProtocols().toArray(String[]::new));
        }
        if (config.verifyHostName()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!isIpLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** The configuration. */
    public TlsClientConfig config() {
        return config;
    }

    /** The handshake counters of this context's engines. */
    public HandshakeCounters counters() {
        return counters;
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static KeyManager[] keyManagers(CertifiedKey key) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key.key(), IN_MEMORY_PASSWORD, key.chain().toArray(Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, IN_MEMORY_PASSWORD);
            return factory.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsConfigException(key.source() + ": cannot be used as a client certificate: " + e.getMessage(), e);
        }
    }
}
