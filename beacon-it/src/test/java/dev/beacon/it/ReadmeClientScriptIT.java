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
 * the application's root, so the example's {@code /app/} (its context root) becomes the page's own folder.
 */
@ExtendWith({ArquillianExtension.class, Chromium.class})
class ReadmeClientScriptIT {

    @ArquillianResource
    private URL appUrl;

    @Deployment(testable = false)
    static WebArchive theReadmesPageAndClasses() throws IOException {
        return ReadmeObserversIT.readmeWar("readme-script")
                .add(new StringAsset(pageOf("beacon.js")), "readme.html")
                .add(new StringAsset(pageOf("sendBeacon")), "quickstart.html");
    }

    /** @return a page holding the first HTML example of the README or {@code docs/} that holds the text */
    private static String pageOf(String text) throws IOException {
        List<ReadmeSnippets.Snippet> examples = ReadmeSnippets.of(Path.of("..").toAbsolutePath().normalize(), "html");
        String example = examples.stream().map(ReadmeSnippets.Snippet::source).filter(page -> page.contains(text)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No HTML example holds " + text + ": " + examples));
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
}
