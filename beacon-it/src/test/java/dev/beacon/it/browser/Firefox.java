package dev.beacon.it.browser;

import dev.beacon.testing.Polling;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi on its own remote port: Debian ships no
 * geckodriver, and none is needed. Firefox picks a free port and writes it into the profile.
 */
public final class Firefox extends BrowserExtension {

    private static final File BROWSER = new File("/usr/bin/firefox-esr");
    private static final Duration STARTUP = Duration.ofSeconds(60);

    public Firefox() {
        super("Firefox", "apt-get install firefox-esr", BROWSER);
    }

    @Override
    Running start(Path profile) throws Exception {
        Path log = Path.of(System.getProperty("browser.logs", "target"), "firefox-" + profile.getFileName() + ".log");
        Files.createDirectories(log.getParent());
        Process firefox = new ProcessBuilder(BROWSER.getPath(), "--headless", "--no-remote", "--profile", profile.toString(),
                "--remote-debugging-port", "0", "--window-size", "1280,900", "about:blank")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = Polling.until("Firefox to listen for WebDriver BiDi (its output: " + log + ")",
                    () -> listening(firefox, profile.resolve("WebDriverBiDiServer.json"), log), Objects::nonNull, STARTUP);
            BidiBrowser browser = BidiBrowser.connect(URI.create("ws://127.0.0.1:" + port + "/session"));
            return new Running(browser, () -> stop(browser, firefox));
        } catch (Exception | AssertionError e) {
            firefox.destroyForcibly();
            throw e;
        }
    }

    /** @return the port Firefox listens on, or {@code null} while it has not written it yet */
    private static Integer listening(Process firefox, Path server, Path log) throws IOException {
        if (!firefox.isAlive()) {
            throw new IllegalStateException("Firefox exited with " + firefox.exitValue() + " before listening; its output: " + log);
        }
        if (!Files.exists(server)) {
            return null;
        }
        try {
            JsonObject address = Json.createReader(new StringReader(Files.readString(server))).readObject();
            return address.containsKey("ws_port") ? address.getInt("ws_port") : null;
        } catch (JsonException partlyWritten) {
            return null;
        }
    }

    private static void stop(BidiBrowser browser, Process firefox) throws InterruptedException {
        try {
            browser.close();
        } finally {
            if (!firefox.waitFor(10, TimeUnit.SECONDS)) {
                firefox.destroyForcibly();
            }
        }
    }
}
