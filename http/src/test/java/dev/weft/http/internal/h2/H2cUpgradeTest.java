package dev.weft.http.internal.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.http.Headers;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which HTTP/1.1 requests upgrade to h2c, and how {@code HTTP2-Settings} is read. */
class H2cUpgradeTest {

    private static final String SETTINGS = Base64.getUrlEncoder().withoutPadding()
            .encodeToString(new byte[] {0, 3, 0, 0, 0, 100, 0, 4, 0, 0, (byte) 0xff, (byte) 0xff});

    private static Optional<H2cUpgrade> upgrade(String... headers) {
        return H2cUpgrade.of("GET", "/hello", Headers.of(headers));
    }

    @Test
    void aProperUpgradeRequestBecomesStreamOneWithItsSettings() {
        H2cUpgrade upgrade = upgrade("Host", "example.com", "Connection", "Upgrade, HTTP2-Settings",
                "Upgrade", "h2c", "HTTP2-Settings", SETTINGS, "Accept", "*/*").orElseThrow();
        assertEquals(List.of(new Frame.Setting(3, 100), new Frame.Setting(4, 65_535)), upgrade.settings());
        assertEquals("/hello", upgrade.request().path());
        assertEquals("example.com", upgrade.request().authority());
        assertTrue(upgrade.request().headers().contains("Accept"));
        assertTrue(!upgrade.request().headers().contains("Upgrade"), "hop-by-hop fields are not carried");
        assertTrue(!upgrade.request().headers().contains("HTTP2-Settings"));
    }

    @Test
    void requestsThatDoNotQualifyStayOnHttp11() {
        assertTrue(upgrade("Connection", "Upgrade, HTTP2-Settings", "Upgrade", "websocket",
                "HTTP2-Settings", SETTINGS).isEmpty(), "another protocol");
        assertTrue(upgrade("Connection", "Upgrade", "Upgrade", "h2c", "HTTP2-Settings", SETTINGS).isEmpty(),
                "Connection does not name HTTP2-Settings");
        assertTrue(upgrade("Connection", "Upgrade, HTTP2-Settings", "Upgrade", "h2c").isEmpty(), "no settings");
        assertTrue(upgrade("Connection", "Upgrade, HTTP2-Settings", "Upgrade", "h2c", "HTTP2-Settings", SETTINGS,
                "HTTP2-Settings", SETTINGS).isEmpty(), "two settings fields");
        assertTrue(upgrade("Connection", "Upgrade, HTTP2-Settings", "Upgrade", "h2c", "HTTP2-Settings", "AAE")
                .isEmpty(), "settings not a multiple of 6 octets");
        String badPush = Base64.getUrlEncoder().encodeToString(new byte[] {0, 2, 0, 0, 0, 2});
        assertTrue(upgrade("Connection", "Upgrade, HTTP2-Settings", "Upgrade", "h2c", "HTTP2-Settings", badPush)
                .isEmpty(), "an invalid setting value");
    }

    @Test
    void anEmptySettingsFieldIsValid() {
        assertTrue(upgrade("Connection", "Upgrade, HTTP2-Settings", "Upgrade", "h2c", "HTTP2-Settings", "")
                .isPresent());
    }
}
