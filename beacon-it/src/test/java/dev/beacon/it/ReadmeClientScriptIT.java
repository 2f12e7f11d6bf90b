package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.it.browser.Browser;
import dev.beacon.it.browser.Chromium;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's HTML examples, the quick start's and the client script's, each copied into a page of a new application
 * with the README's observers, work in Chromium with the library's default paths: what they send reaches the
 * observers. The page sits at
 * the application's root, so the example's {@code /app/} (its context root) becomes the page's own folder. So do the
 * reports guide's response headers, served with a page that shows an image its policy blocks.
 */
@ExtendWith({ArquillianExtension.class, Chromium.class})
class ReadmeClientScriptIT {

    @ArquillianResource
    private URL appUrl;

    @Deployment(testable = false)
    static WebArchive theReadmesPageAndClasses() throws IOException {
        return ReadmeObserversIT.readmeWar("readme-script")
                .add(new StringAsset(pageOf("beacon.js")), "readme.html")
                .add(new StringAsset(pageOf("sendBeacon")), "quickstart.html")
                .addClass(ExampleHeadersFilter.class)
                .addAsWebInfResource(new StringAsset(exampleOf("http", "Content-Security-Policy")), "classes/" + ExampleHeadersFilter.HEADERS)
                // Another origin than the page's, which the example's img-src 'self' blocks.
                .add(new StringAsset("<!DOCTYPE html>\n<html><head><title>CSP</title></head><body>\n<img id=\"blocked\" alt=\"blocked\" src=\"https://localhost:"
                        + Integer.getInteger("https.port") + "/blocked.png\">\n</body></html>\n"), "csp-example.html");
    }

    /** @return the first example of the README or {@code docs/} in the language that holds the text */
    private static String exampleOf(String language, String text) throws IOException {
        List<ReadmeSnippets.Snippet> examples = ReadmeSnippets.of(Path.of("..").toAbsolutePath().normalize(), language);
        return examples.stream().map(ReadmeSnippets.Snippet::source).filter(example -> example.contains(text)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + language + " example holds " + text + ": " + examples));
    }

    /** @return a page holding the first HTML example of the README or {@code docs/} that holds the text */
    private static String pageOf(String text) throws IOException {
        String example = exampleOf("html", text);
        return "<!DOCTYPE html>\n<html><head><title>README</title></head><body>\n" + example.replace("/app/", "") + "</body></html>\n";
    }

    @Test
    void theQuickStartsPageSendsItsBeaconWhenLeftAndTheQuickStartsObserverLogsIt(Browser browser) throws Exception {
        Shop app = Shop.at(appUrl);
        URI page = URI.create(app.app() + "quickstart.html");

        browser.open(page);
        browser.open(URI.create(app.app() + "library-log")); // leaving the page hides it

        List<String> said = ReadmeObserversIT.said(app, "PageBeacons", "beacon to default: {\"page\":\"" + page.getPath() + "\",\"at\":");
        assertEquals(1, said.size(), said::toString);
        assertTrue(said.get(0).matches(".*\"at\":\\d{13}}$"), said::toString);
    }

    @Test
    void theClientScriptExampleSendsItsEventsToTheDefaultPath(Browser browser) throws Exception {
        Shop app = Shop.at(appUrl);

        browser.open(URI.create(app.app() + "readme.html"));

        List<String> said = ReadmeObserversIT.said(app, "Analytics", "\"target\":\"checkout\"");
        assertEquals(1, said.size(), said::toString);
        assertTrue(said.get(0).startsWith("events from "), said::toString); // endpoint events, under the default /beacon
    }

    /** Chromium reports through the Reporting API, from secure pages only: the page is opened over HTTPS. */
    @Test
    void theReportsGuidesHeadersMakeChromiumReportABlockedImageToTheGuidesObserver(Browser browser) throws Exception {
        Shop app = Shop.at(appUrl);
        URI page = new URI("https", null, "127.0.0.1", Integer.getInteger("https.port"), appUrl.getPath(), null, null).resolve("csp-example.html");

        browser.open(page);
        browser.text("//img[@id='blocked']");

        List<String> said = ReadmeObserversIT.said(app, "Violations", "img-src blocked https://localhost:");
        assertTrue(said.get(0).contains(" on " + page + " "), said::toString);
    }
}
