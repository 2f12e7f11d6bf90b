package dev.beacon.it.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Starts one headless browser from Debian's packages per test class (nothing is downloaded), hands it
 * to tests as a {@link Browser} parameter, and stops it after the class.
 * <p>
 * Without the browser the tests are skipped with the command that installs it, except under
 * {@code CI=true}, where a missing browser fails them. A failing test leaves a screenshot and the
 * browser's console log under {@code target/browser-failures}, named in its failure message.
 */
abstract class BrowserExtension implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final Logger LOGGER = Logger.getLogger(BrowserExtension.class.getName());

    /** A browser that is running, and how to stop it. */
    record Running(Browser browser, AutoCloseable stop) {
    }

    private final String product;
    private final String install;
    private final List<File> executables;

    /**
     * @param product what the skip message calls the browser
     * @param install the command that installs it
     * @param executables what must be installed
     */
    BrowserExtension(String product, String install, File... executables) {
        this.product = product;
        this.install = install;
        this.executables = List.of(executables);
    }

    /** Starts the browser with a fresh profile folder, which is deleted after it stops. */
    abstract Running start(Path profile) throws Exception;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!executables.stream().allMatch(File::canExecute)) {
            String missing = product + " is not installed (" + executables + "); install it with: " + install;
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing);
            }
            // An aborted class shows as zero tests in the summary: say why where a person will read it.
            LOGGER.warning("Skipping " + context.getDisplayName() + ": " + missing);
            Assumptions.abort(missing);
        }
        Path profile = Files.createTempDirectory("beacon-" + product.toLowerCase(Locale.ROOT) + "-");
        Running running = start(profile);
        store(context).put(Running.class, (ExtensionContext.Store.CloseableResource) () -> {
            try {
                running.stop().close();
            } finally {
                deleteRecursively(profile);
            }
        });
        store(context).put(Browser.class, running.browser());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Browser browser = browser(context);
        if (browser == null) {
            throw failure;
        }
        Path folder = Path.of(System.getProperty("browser.failures", "target/browser-failures"));
        Files.createDirectories(folder);
        String name = (context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + "-" + context.getDisplayName()).replaceAll("[^A-Za-z0-9.-]+", "_");
        Path screenshot = folder.resolve(name + ".png");
        Path console = folder.resolve(name + ".console.log");
        try {
            Files.write(screenshot, browser.screenshot());
            Files.writeString(console, String.join("\n", browser.console()));
        } catch (RuntimeException | IOException unrecorded) {
            failure.addSuppressed(unrecorded); // a browser that died takes no screenshot: keep the test's own failure
            throw failure;
        }
        throw new AssertionError(failure.getMessage() + " [" + browser.name() + ", page " + browser.url()
                + "; screenshot " + screenshot.toAbsolutePath() + "; console log " + console.toAbsolutePath() + "]", failure);
    }

    private Browser browser(ExtensionContext context) {
        return store(context).get(Browser.class, Browser.class);
    }

    private ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(BrowserExtension.class, getClass()));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
