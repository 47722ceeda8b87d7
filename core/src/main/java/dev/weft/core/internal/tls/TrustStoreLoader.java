package dev.weft.core.internal.tls;

import dev.weft.core.tls.TlsConfigException;
import dev.weft.core.tls.TrustMaterial;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Turns {@link TrustMaterial} into the JDK's PKIX trust managers. */
final class TrustStoreLoader {

    private TrustStoreLoader() {
    }

    /**
     * The trust managers for {@code material}, read from {@code files}.
     *
     * @throws TlsConfigException naming the file and the problem
     */
    static TrustManager[] load(TrustMaterial material, MaterialFiles files) {
        KeyStore trusted = switch (material) {
            case TrustMaterial.Pem pem -> fromPem(pem, files);
            case TrustMaterial.Pkcs12 store -> fromPkcs12(store, files);
            case TrustMaterial.SystemDefault ignored -> null; // the factory then uses the JDK's cacerts
        };
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException(material + ": cannot build a trust manager: " + e.getMessage(), e);
        }
    }

    private static KeyStore fromPem(TrustMaterial.Pem pem, MaterialFiles files) {
        String source = pem.certificates().toString();
        List<X509Certificate> certificates = CertifiedKeyLoader.certificates(
                PemFile.parse(source, files.bytes(pem.certificates())));
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("trusted-" + i, certificates.get(i));
            }
            return store;
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new TlsConfigException(source + ": cannot hold its certificates in a trust store: " + e.getMessage(), e);
        }
    }

    private static KeyStore fromPkcs12(TrustMaterial.Pkcs12 pkcs12, MaterialFiles files) {
        KeyStore store = CertifiedKeyLoader.openPkcs12(pkcs12.keystore(), files.bytes(pkcs12.keystore()),
                pkcs12.password().toCharArray());
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias)) {
                    return store;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException(pkcs12.keystore() + ": cannot list its entries: " + e.getMessage(), e);
        }
        throw new TlsConfigException(pkcs12.keystore() + ": holds no trusted certificate entry");
    }
}
