package dev.beacon.cluster;

import dev.beacon.kafka.testing.Processes;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's headless Chromium showing a page of the application through the balancer: real pages, sending their events
 * with {@code beacon.js}, its storage and its retries, as a visitor's browser does.
 */
final class BrowserPages implements AutoCloseable {

    private static final File BROWSER = new File("/usr/bin/chromium");

    private final Process chromium;

    private BrowserPages(Process chromium) {
        this.chromium = chromium;
    }

    static boolean isInstalled() {
        return BROWSER.canExecute();
    }

    /**
     * @param page the page to show
     * @param log where the browser's output goes
     * @return the browser, showing it until closed
     */
    static BrowserPages open(URI page, Path log) throws IOException {
        Path profile = Files.createTempDirectory("beacon-pages");
        // The debugging port keeps a headless browser showing the page rather than exiting once it has loaded.
        Process chromium = new ProcessBuilder(List.of(BROWSER.getPath(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", page.toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Processes.stopWithTheTest(chromium);
        return new BrowserPages(chromium);
    }

    boolean isOpen() {
        return chromium.isAlive();
    }

    @Override
    public void close() {
        chromium.descendants().forEach(ProcessHandle::destroy);
        Processes.terminate(chromium, Duration.ofSeconds(10));
    }
}
