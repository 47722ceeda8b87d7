package dev.weft.core.tls;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The certificates a server presents: one by default, and others chosen by the host name a client
 * asks for with SNI (Server Name Indication). Reloaded as a whole: a reload that fails for one of
 * them keeps all the certificates in use.
 *
 * @param defaultCertificate presented when the client sends no SNI host name (clients connecting
 *                           to an IP address never do) or one that no other entry matches
 * @param byHostName         certificates by lower-case host name; a key {@code "*.example.com"}
 *                           matches one label ({@code a.example.com}, not {@code a.b.example.com}
 *                           nor {@code example.com}); an exact name wins over a wildcard
 */
public record ServerCertificates(KeyMaterial defaultCertificate, Map<String, KeyMaterial> byHostName) {

    /** Checks the host names and copies the map, keeping its order. */
    public ServerCertificates {
        Objects.requireNonNull(defaultCertificate, "defaultCertificate");
        Map<String, KeyMaterial> copy = new LinkedHashMap<>();
        byHostName.forEach((host, material) -> {
            Objects.requireNonNull(material, "certificate for " + host);
            String name = host.toLowerCase(Locale.ROOT);
            String bare = name.startsWith("*.") ? name.substring(2) : name;
            if (bare.isEmpty() || bare.contains("*") || bare.startsWith(".") || bare.endsWith(".")) {
                throw new IllegalArgumentException("SNI host name '" + host + "' is not a host name or '*.' followed by one");
            }
            if (bare.chars().allMatch(c -> c == '.' || Character.isDigit(c)) || bare.contains(":")) {
                throw new IllegalArgumentException("SNI host name '" + host + "' is an IP address; clients send no SNI for those"
                        + " (the default certificate is presented)");
            }
            if (copy.put(name, material) != null) {
                throw new IllegalArgumentException("SNI host name '" + host + "' is given twice");
            }
        });
        byHostName = Collections.unmodifiableMap(copy);
    }

    /**
     * One certificate for every client.
     *
     * @param certificate presented to every client, whatever host name it asks for
     * @return the certificates
     */
    public static ServerCertificates of(KeyMaterial certificate) {
        return new ServerCertificates(certificate, Map.of());
    }
}
