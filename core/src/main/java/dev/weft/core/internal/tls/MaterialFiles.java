package dev.weft.core.internal.tls;

import dev.weft.core.tls.KeyMaterial;
import dev.weft.core.tls.TlsConfig;
import dev.weft.core.tls.TlsConfigException;
import dev.weft.core.tls.TrustMaterial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The contents of every file a TLS configuration names, read once, with a SHA-256 fingerprint of
 * them all. Parsing works on these bytes, never on the files again, so what is fingerprinted is
 * exactly what was loaded even while a renewal rewrites the files.
 *
 * @param contents    each file's bytes, in the configuration's order
 * @param fingerprint SHA-256 over every path and its contents
 */
record MaterialFiles(Map<Path, byte[]> contents, String fingerprint) {

    /**
     * Reads the files of {@code config}.
     *
     * @throws TlsConfigException naming a file that cannot be read
     */
    static MaterialFiles read(TlsConfig config) {
        return read(paths(config));
    }

    /** The files {@code config} names: certificates, keys, keystores and the client trust store. */
    static Set<Path> paths(TlsConfig config) {
        Set<Path> paths = new LinkedHashSet<>();
        addPaths(config.certificates().defaultCertificate(), paths);
        config.certificates().byHostName().values().forEach(m -> addPaths(m, paths));
        config.clientAuthentication().trusted().ifPresent(t -> addPaths(t, paths));
        return paths;
    }

    /** Reads {@code paths}. */
    static MaterialFiles read(Set<Path> paths) {
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        MessageDigest digest = sha256();
        for (Path path : paths) {
            byte[] bytes = readFile(path);
            contents.put(path, bytes);
            digest.update(path.toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
        }
        return new MaterialFiles(contents, HexFormat.of().formatHex(digest.digest()));
    }

    static void addPaths(KeyMaterial material, Set<Path> paths) {
        switch (material) {
            case KeyMaterial.Pem pem -> {
                paths.add(pem.chain());
                paths.add(pem.key());
            }
            case KeyMaterial.Pkcs12 store -> paths.add(store.keystore());
            case KeyMaterial.InMemory ignored -> {
                // nothing to read
            }
        }
    }

    static void addPaths(TrustMaterial material, Set<Path> paths) {
        switch (material) {
            case TrustMaterial.Pem pem -> paths.add(pem.certificates());
            case TrustMaterial.Pkcs12 store -> paths.add(store.keystore());
            case TrustMaterial.SystemDefault ignored -> {
                // the JDK's cacerts, not watched
            }
        }
    }

    /** The bytes read from {@code path}, which must be one of the files read. */
    byte[] bytes(Path path) {
        byte[] bytes = contents.get(path);
        if (bytes == null) {
            throw new IllegalArgumentException(path + " was not read");
        }
        return bytes;
    }

    private static byte[] readFile(Path path) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length == 0) {
                throw new TlsConfigException(path + ": file is empty");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new TlsConfigException(path + ": no such file", e);
        } catch (IOException e) {
            throw new TlsConfigException(path + ": cannot be read: " + e, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
