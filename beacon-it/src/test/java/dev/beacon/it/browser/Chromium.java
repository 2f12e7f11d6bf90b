package dev.beacon.it.browser;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/** Debian's headless Chromium, driven through Debian's chromedriver. */
public final class Chromium extends BrowserExtension {

    private static final File BROWSER = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    public Chromium() {
        super("Chromium", "apt-get install chromium chromium-driver", BROWSER, DRIVER);
    }

    @Override
    Running start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + profile,
                // The servers' HTTPS certificates are self-signed; reports are delivered only over HTTPS,
                // and without this flag only after about a minute.
                "--ignore-certificate-errors", "--short-reporting-delay");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        return new Running(new WebDriverBrowser(driver), driver::quit);
    }
}
