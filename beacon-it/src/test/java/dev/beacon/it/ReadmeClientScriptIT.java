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
 * The README's client-script example, copied into a page of a new application with the README's observers, works in
 * Chromium with the library's default paths: the events it sends reach the README's first observer. The page sits at
 * the application's root, so the example's {@code /app/} (its context root) becomes the page's own folder.
 */
@ExtendWith({ArquillianExtension.class, Chromium.class})
class ReadmeClientScriptIT {

    @ArquillianResource
    private URL appUrl;

    @Deployment(testable = false)
    static WebArchive theReadmesPageAndClasses() throws IOException {
        List<ReadmeSnippets.Snippet> pages = ReadmeSnippets.of(Path.of("..").toAbsolutePath().normalize(), "html");
        String example = pages.stream().map(ReadmeSnippets.Snippet::source).filter(page -> page.contains("beacon.js")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No client-script example in the README: " + pages));
        String page = "<!DOCTYPE html>\n<html><head><title>README</title></head><body>\n" + example.replace("/app/", "") + "</body></html>\n";
        return ReadmeObserversIT.readmeWar("readme-script").add(new StringAsset(page), "readme.html");
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
