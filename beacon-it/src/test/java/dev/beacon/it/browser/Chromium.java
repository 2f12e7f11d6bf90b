package dev.beacon.it.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver (nothing is downloaded), one per
 * test class, handed to tests as a {@link WebDriver} parameter.
 * <p>
 * Without Chromium the tests are skipped with the command that installs it, except under
 * {@code CI=true}, where a missing browser fails them. A failing test leaves a screenshot and the
 * browser's console log under {@code target/browser-failures}, named in its failure message.
 */
public final class Chromium implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final Logger LOGGER = Logger.getLogger(Chromium.class.getName());

    private static final File BROWSER = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final String INSTALL = "apt-get install chromium chromium-driver";

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
            String missing = "Chromium is not installed (" + BROWSER + ", " + DRIVER + "); install it with: " + INSTALL;
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing);
            }
            // An aborted class shows as zero tests in the summary: say why where a person will read it.
            LOGGER.warning("Skipping " + context.getDisplayName() + ": " + missing);
            Assumptions.abort(missing);
        }
        Path profile = Files.createTempDirectory("beacon-chromium-");
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
        context.getStore(ExtensionContext.Namespace.GLOBAL).put(Chromium.class, (ExtensionContext.Store.CloseableResource) () -> {
            driver.quit();
            deleteRecursively(profile);
        });
        context.getStore(ExtensionContext.Namespace.create(Chromium.class)).put(WebDriver.class, driver);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return driver(context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        WebDriver driver = driver(context);
        if (driver == null) {
            throw failure;
        }
        Path folder = Path.of(System.getProperty("browser.failures", "target/browser-failures"));
        Files.createDirectories(folder);
        String name = (context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + "-" + context.getDisplayName()).replaceAll("[^A-Za-z0-9.-]+", "_");
        Path screenshot = folder.resolve(name + ".png");
        Path console = folder.resolve(name + ".console.log");
        Files.write(screenshot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        Files.writeString(console, entries.stream().map(LogEntry::toString).collect(Collectors.joining("\n")));
        throw new AssertionError(failure.getMessage() + " [page " + driver.getCurrentUrl()
                + "; screenshot " + screenshot.toAbsolutePath() + "; console log " + console.toAbsolutePath() + "]", failure);
    }

    private static WebDriver driver(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(Chromium.class)).get(WebDriver.class, WebDriver.class);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
