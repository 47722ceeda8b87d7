package dev.weft.core.internal.tls;

import dev.weft.core.tls.CertificateFingerprint;
import dev.weft.core.tls.CipherPolicy;
import dev.weft.core.tls.ReloadResult;
import dev.weft.core.tls.TlsConfig;
import dev.weft.core.tls.TlsConfigException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's TLS state: the {@link SSLContext} built from its {@link TlsConfig}'s files, replaced
 * whole by a reload. Each accepted connection takes an engine from the context current at that
 * moment and keeps it, so a reload changes the certificate of new handshakes only; live
 * connections, and a handshake already in progress, keep theirs.
 *
 * <p>Thread-safe: {@link #newEngine()} reads a volatile; reloads (from the application or the
 * {@link CertificateWatcher}) are serialised by a lock that no connection ever takes.
 */
public final class ServerTlsContext {

    private static final Logger log = LoggerFactory.getLogger(ServerTlsContext.class);

    private final TlsConfig config;
    private final ReentrantLock reloadLock = new ReentrantLock();
    private final HandshakeCounters counters = new HandshakeCounters();
    private volatile Generation current;

    /** One loaded set of certificates and the engine settings derived from it. */
    private record Generation(SSLContext context, SSLParameters parameters, String filesFingerprint,
                              String certificateFingerprint, String description, List<String> warnings) {
    }

    private ServerTlsContext(TlsConfig config, Generation first) {
        this.config = config;
        this.current = first;
    }

    /**
     * Reads and checks every file of {@code config}, logging warnings (an expired certificate) at
     * WARN.
     *
     * @throws TlsConfigException naming the file and the problem; the server must not start
     */
    public static ServerTlsContext create(TlsConfig config) {
        Objects.requireNonNull(config, "config");
        Generation first = load(config, MaterialFiles.read(config));
        first.warnings().forEach(w -> log.warn("TLS: {}", w));
        log.info("TLS certificate loaded: {} (SHA-256 {})", first.description(), first.certificateFingerprint());
        return new ServerTlsContext(config, first);
    }

    /** A new server-mode engine for an accepted connection, from the certificates current now. */
    public SSLEngine newEngine() {
        Generation generation = current;
        SSLEngine engine = generation.context().createSSLEngine();
        engine.setUseClientMode(false);
        engine.setSSLParameters(generation.parameters());
        return engine;
    }

    /** The handshake counters of every engine this context made; the engine counts into them. */
    public HandshakeCounters counters() {
        return counters;
    }

    /** The configuration. */
    public TlsConfig config() {
        return config;
    }

    /** The SHA-256 fingerprint of the default certificate in use. */
    public String certificateFingerprint() {
        return current.certificateFingerprint();
    }

    /** The SHA-256 of the contents of the files the certificates in use were loaded from. */
    String filesFingerprint() {
        return current.filesFingerprint();
    }

    /** The warnings of the certificates in use (expired, expiring soon, chain out of order). */
    public List<String> warnings() {
        return current.warnings();
    }

    /**
     * Reads the files again and, if they changed and load, uses them for new handshakes.
     * A file that does not load is refused with a WARN line, and the certificates in use stay.
     */
    public ReloadResult reload() {
        reloadLock.lock();
        try {
            MaterialFiles files;
            try {
                files = MaterialFiles.read(config);
            } catch (TlsConfigException e) {
                return refuse(e);
            }
            return reload(files);
        } finally {
            reloadLock.unlock();
        }
    }

    /** Reloads from files already read (by the watcher, which fingerprinted them). */
    ReloadResult reload(MaterialFiles files) {
        reloadLock.lock();
        try {
            if (files.fingerprint().equals(current.filesFingerprint())) {
                return new ReloadResult.Unchanged();
            }
            Generation next;
            try {
                next = load(config, files);
            } catch (TlsConfigException e) {
                return refuse(e);
            }
            current = next;
            next.warnings().forEach(w -> log.warn("TLS: {}", w));
            log.info("TLS certificate reloaded: {} (SHA-256 {}); new handshakes use it", next.description(),
                    next.certificateFingerprint());
            return new ReloadResult.Reloaded(next.certificateFingerprint(), next.warnings());
        } finally {
            reloadLock.unlock();
        }
    }

    private ReloadResult refuse(TlsConfigException e) {
        log.warn("TLS certificate reload refused, the certificate in use (SHA-256 {}) stays: {}",
                current.certificateFingerprint(), e.getMessage());
        return new ReloadResult.Refused(e.getMessage());
    }

    private static Generation load(TlsConfig config, MaterialFiles files) {
        List<String> warnings = new ArrayList<>();
        Instant now = Instant.now();
        CertifiedKey defaultKey = CertifiedKeyLoader.load(config.certificates().defaultCertificate(), files, now, warnings);
        Map<String, CertifiedKey> byHost = new LinkedHashMap<>();
        config.certificates().byHostName().forEach((host, material) ->
                byHost.put(host, CertifiedKeyLoader.load(material, files, now, warnings)));
        TrustManager[] trust = config.clientAuthentication().trusted()
                .map(t -> TrustStoreLoader.load(t, files))
                .orElse(null);
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new SniKeyManager(defaultKey, byHost)}, trust, null);
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException("cannot set up TLS: " + e.getMessage(), e);
        }
        checkSupported(context, config.cipherPolicy(), warnings);
        String description = "'" + defaultKey.leaf().getSubjectX500Principal().getName() + "' from " + defaultKey.source()
                + ", valid until " + defaultKey.leaf().getNotAfter().toInstant()
                + (byHost.isEmpty() ? "" : ", and " + byHost.size() + " by SNI host name");
        return new Generation(context, parameters(config), files.fingerprint(),
                CertificateFingerprint.sha256(defaultKey.leaf()), description, List.copyOf(warnings));
    }

    private static SSLParameters parameters(TlsConfig config) {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(config.cipherPolicy().protocols().toArray(String[]::new));
        parameters.setCipherSuites(config.cipherPolicy().cipherSuites().toArray(String[]::new));
        parameters.setUseCipherSuitesOrder(true);
        parameters.setNamedGroups(CipherPolicy.KEY_EXCHANGE_GROUPS.toArray(String[]::new));
        if (!config.applicationProtocols().isEmpty()) {
            parameters.setApplicationProtocols(config.applicationProtocols().toArray(String[]::new));
        }
        switch (config.clientAuthentication().mode()) {
            case NONE -> {
                // neither wanted nor needed
            }
            case WANTED -> parameters.setWantClientAuth(true);
            case REQUIRED -> parameters.setNeedClientAuth(true);
        }
        return parameters;
    }

    /** Refuses suites and protocols this JDK lacks; warns about a protocol left without a suite. */
    static void checkSupported(SSLContext context, CipherPolicy policy, List<String> warnings) {
        SSLParameters supported = context.getSupportedSSLParameters();
        Set<String> suites = Set.of(supported.getCipherSuites());
        Set<String> protocols = Set.of(supported.getProtocols());
        for (String protocol : policy.protocols()) {
            if (!protocols.contains(protocol)) {
                throw new TlsConfigException("protocol " + protocol + " is not supported by this JDK ("
                        + Runtime.version() + ")");
            }
        }
        for (String suite : policy.cipherSuites()) {
            if (!suites.contains(suite)) {
                throw new TlsConfigException("cipher suite " + suite + " is not supported by this JDK ("
                        + Runtime.version() + ")");
            }
        }
        boolean tls13Suite = policy.cipherSuites().stream().anyMatch(s -> !s.contains("_WITH_"));
        boolean tls12Suite = policy.cipherSuites().stream().anyMatch(s -> s.contains("_WITH_"));
        if (policy.protocols().contains("TLSv1.3") && !tls13Suite) {
            warnings.add("TLSv1.3 is enabled but none of its cipher suites (TLS_AES_..., TLS_CHACHA20_...) is");
        }
        if (policy.protocols().contains("TLSv1.2") && !tls12Suite) {
            warnings.add("TLSv1.2 is enabled but none of its cipher suites (TLS_ECDHE_..._WITH_...) is");
        }
    }
}
