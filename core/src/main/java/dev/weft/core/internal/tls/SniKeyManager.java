package dev.weft.core.internal.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A server key manager that presents the certificate for the host name a client asks for by SNI
 * (exact name first, then a {@code *.} wildcard one label deep), and the default certificate
 * otherwise. Immutable: a reload builds a new one, so a handshake in progress keeps the manager
 * it started with.
 *
 * <p>The aliases are {@code "default"} and {@code "sni:<host>"}. A certificate whose key type
 * does not suit what the handshake asks for (an EC key for an RSA cipher suite) is not chosen,
 * and the JDK then tries the client's next option.
 */
final class SniKeyManager extends X509ExtendedKeyManager {

    static final String DEFAULT_ALIAS = "default";
    private static final String SNI_PREFIX = "sni:";

    private final Map<String, CertifiedKey> byAlias = new LinkedHashMap<>();

    /** Host names must be lower case, as {@link dev.weft.core.tls.ServerCertificates} keeps them. */
    SniKeyManager(CertifiedKey defaultKey, Map<String, CertifiedKey> byHostName) {
        byAlias.put(DEFAULT_ALIAS, defaultKey);
        byHostName.forEach((host, key) -> byAlias.put(SNI_PREFIX + host, key));
    }

    /** The alias of the certificate for {@code hostName}, {@link #DEFAULT_ALIAS} if none is configured. */
    String aliasFor(Optional<String> hostName) {
        if (hostName.isEmpty()) {
            return DEFAULT_ALIAS;
        }
        String host = hostName.get().toLowerCase(Locale.ROOT);
        if (byAlias.containsKey(SNI_PREFIX + host)) {
            return SNI_PREFIX + host;
        }
        int dot = host.indexOf('.');
        if (dot > 0 && byAlias.containsKey(SNI_PREFIX + "*" + host.substring(dot))) {
            return SNI_PREFIX + "*" + host.substring(dot);
        }
        return DEFAULT_ALIAS;
    }

    /** The SNI host name a client asked for in {@code session}, if any. */
    static Optional<String> requestedHostName(SSLSession session) {
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name.getType() == StandardConstants.SNI_HOST_NAME && name instanceof SNIHostName host) {
                    return Optional.of(host.getAsciiName());
                }
                if (name.getType() == StandardConstants.SNI_HOST_NAME) {
                    return Optional.of(new SNIHostName(name.getEncoded()).getAsciiName());
                }
            }
        }
        return Optional.empty();
    }

    private String choose(String keyType, SSLSession handshake) {
        String alias = aliasFor(requestedHostName(handshake));
        return byAlias.get(alias).keyType().equals(keyType) ? alias : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return choose(keyType, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        List<String> aliases = new ArrayList<>();
        byAlias.forEach((alias, key) -> {
            if (key.keyType().equals(keyType)) {
                aliases.add(alias);
            }
        });
        return aliases.isEmpty() ? null : aliases.toArray(String[]::new);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        CertifiedKey key = byAlias.get(alias);
        return key == null ? null : key.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        CertifiedKey key = byAlias.get(alias);
        return key == null ? null : key.key();
    }

    /** A server never presents a client certificate. */
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    /** A server never presents a client certificate. */
    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    /** A server never presents a client certificate. */
    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
