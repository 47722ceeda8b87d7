package dev.weft.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.external.SystemBinary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web chat in a real browser: the chat sample runs as a user starts it ({@code chat --port P
 * --udp-port U --http-port H}, its own process); headless Chromium, driven through the system's
 * {@code chromedriver}, opens {@code /chat}, picks a nickname and a room with the page's own
 * forms, and talks with an {@code nc}-like TCP client and a UDP peer in that room — each side
 * sees what the others say, the page shows notices and other people's text as text, and the
 * others see the browser leave when it closes.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}: without them the test is
 * skipped, except under {@code CI=true}, where it fails ({@code scripts/ci-prerequisites.sh}
 * installs both). One browser is started for the whole test.
 */
class ChatInTheBrowserTest {

    /** How long the page may take to show a line: generous, for a loaded machine; never waited out when all is well. */
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path profile;

    @Test
    void aBrowserOnTheChatPageTalksWithAnNcClientAndAUdpPeerInOneRoom() throws Exception {
        Path chromium = SystemBinary.require("chromium", "chromium");
        Path chromedriver = SystemBinary.require("chromedriver", "chromium-driver");
        int udpPort = freeUdpPort();
        try (ChatProcess chat = ChatProcess.start("browser", List.of("--udp-port", Integer.toString(udpPort)));
             UdpPeer ann = new UdpPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), udpPort));
             ChatClient bob = ChatClient.named(chat.tcpPort(), "bob")) {
            WebDriver browser = start(chromium, chromedriver);
            try {
                ChatPage page = new ChatPage(browser);
                browser.get(chat.http("/chat").toString());
                page.waitForLine(line -> line.startsWith("* welcome, guest-"));
                assertEquals("open", browser.findElement(By.id("status")).getDomAttribute("data-state"));

                page.fillAndSubmit("nick", "carol");
                page.waitForLine("* you are now carol");
                page.fillAndSubmit("room", "garden");
                page.waitForLine("* you are in garden");

                ann.send("JOIN garden ann");
                assertEquals("OK joined garden as ann", ann.read());
                page.waitForLine("* ann joined");
                bob.say("/join garden");
                assertEquals("* you are in garden", bob.readUntilAnswer());
                page.waitForLine("* bob joined");

                page.fillAndSubmit("line", "hello from the browser ✓");
                assertEquals("carol: hello from the browser ✓", bob.readUntil("carol:"));
                assertEquals("carol: hello from the browser ✓", ann.readUntil("carol:"));
                assertEquals("", browser.findElement(By.id("line")).getDomProperty("value"), "the input is cleared once sent");

                bob.say("hello from nc");
                page.waitForLine("bob: hello from nc");
                ann.send("MSG <b>hello</b> from udp");
                page.waitForLine("ann: <b>hello</b> from udp");
                assertTrue(browser.findElements(By.cssSelector("#log b")).isEmpty(), "another person's text is shown as text");

                browser.findElement(By.id("who")).click();
                page.waitForLine("* online: ann, bob, carol");
                assertEquals("notice", page.lineElement("* online: ann, bob, carol").getDomAttribute("class"));
            } finally {
                browser.quit();
            }
            assertEquals("* carol left", bob.readUntil("* carol"));
            assertEquals("* carol left", ann.readUntil("* carol"));
        }
    }

    /**
     * Headless Chromium through {@code chromedriver}, both the system's (Selenium Manager never
     * downloads anything). As root Chromium needs {@code --no-sandbox}; a container's small
     * {@code /dev/shm} needs {@code --disable-dev-shm-usage}.
     */
    private WebDriver start(Path chromium, Path chromedriver) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + profile);
        return new ChromeDriver(service, options);
    }

    /** A UDP port free on the loopback address now (the sample cannot be told "port 0" and report it). */
    private static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free UDP port on the loopback address", e);
        }
    }

    /** The chat page as a user sees it: its forms and the lines in its log. */
    private record ChatPage(WebDriver browser) {

        /** Types {@code text} into the input {@code id} and presses Enter, submitting its form. */
        void fillAndSubmit(String id, String text) {
            WebElement input = browser.findElement(By.id(id));
            input.clear();
            input.sendKeys(text, Keys.ENTER);
        }

        void waitForLine(String line) {
            waitForLine(line::equals);
        }

        /** Waits until a line of the log matches; fails naming the lines shown. */
        void waitForLine(Predicate<String> wanted) {
            new WebDriverWait(browser, PAGE_WAIT)
                    .withMessage(() -> "lines shown: " + lines())
                    .until(driver -> lines().stream().anyMatch(wanted));
        }

        WebElement lineElement(String line) {
            return logItems().stream().filter(item -> item.getText().equals(line)).findFirst().orElseThrow();
        }

        List<String> lines() {
            return logItems().stream().map(WebElement::getText).toList();
        }

        private List<WebElement> logItems() {
            return browser.findElements(By.cssSelector("#log li"));
        }
    }
}
