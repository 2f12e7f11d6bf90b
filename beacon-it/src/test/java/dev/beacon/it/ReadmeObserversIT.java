package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.Polling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's own code, as a reader copies it into a new WAR beside the library's jars: its observers, its typed
 * payload and its Jakarta REST application, compiled from the README by the test, deployed on every server, and each
 * receiving what a browser sends; the observer of report rollups receives one per window (a second here).
 */
@ExtendWith(ArquillianExtension.class)
class ReadmeObserversIT {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);

    @ArquillianResource
    private URL appUrl;

    @Deployment(testable = false)
    static WebArchive theReadmesClassesInANewWar() throws IOException {
        return readmeWar("readme");
    }

    /**
     * @param name the WAR's name
     * @return a new application of the README's classes, compiled from it, beside the library's jars
     */
    static WebArchive readmeWar(String name) throws IOException {
        Path compiled = Files.createTempDirectory("readme-war");
        List<String> errors = ReadmeSnippets.compile(ReadmeSnippets.of(Path.of("..").toAbsolutePath().normalize()), compiled);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The README's snippets do not compile: " + errors);
        }
        // Rollups each second, for the reports guide's observer of them (its example says each minute)
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war").addClasses(LibraryLogServlet.class)
                .setWebXML(LibraryWars.webXml("beacon.reports.rollup-window", "1"));
        Path classes = compiled.resolve("classes");
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(Files::isRegularFile).forEach(file -> war.add(new FileAsset(file.toFile()),
                    "WEB-INF/classes/" + classes.relativize(file).toString().replace('\\', '/')));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return LibraryWars.withLibraryJars(war, "beacon-api-", "beacon-core-", "beacon-servlet-", "beacon-jaxrs-");
    }

    @Test
    void theQuickStartsObserverAndTheGuidesFirstReceiveEveryBeacon() throws Exception {
        Shop app = Shop.at(appUrl);

        assertEquals(204, app.post("beacon", "hello", ChromiumBodies.string("hidden at 1700000000000")).statusCode());

        assertEquals(1, said(app, "PageBeacons", "beacon to hello: hidden at 1700000000000").size());
        List<String> said = said(app, "Analytics", "hello from " + app.origin() + ": hidden at 1700000000000");
        assertEquals(1, said.size(), said::toString);
    }

    @Test
    void theTypedObserverReceivesItsRecordThroughTheFilterAndTheResource() throws Exception {
        Shop app = Shop.at(appUrl);

        assertEquals(204, app.post("beacon", "vitals", ChromiumBodies.string("{\"name\":\"LCP\",\"value\":1234.5,\"delta\":12}")).statusCode());
        assertEquals(204, app.post("api/beacon", "vitals", ChromiumBodies.string("{\"name\":\"INP\",\"value\":88.0,\"delta\":1}")).statusCode());

        said(app, "Vitals", "LCP 1234.5");
        said(app, "Vitals", "INP 88.0");
    }

    /** Chromium sends a Reporting API batch where a policy says {@code report-to}; the observer of violations takes it as it is. */
    @Test
    void theViolationsObserverReceivesEachViolationOfAReportingApiBatch() throws Exception {
        Shop app = Shop.at(appUrl);

        assertEquals(204, app.post("beacon", "csp", ChromiumBodies.reportsJson()).statusCode());

        said(app, "Violations", "script-src-elem blocked inline on https://127.0.0.1/page line 0");
    }

    /** The quick start's observer of every beacon receives a mistyped endpoint's beacons; the log still says the endpoint is unnamed. */
    @Test
    void aMistypedEndpointThatOnlyTheQuickStartsObserverReceivesIsLoggedOnceNamingTheEndpointsObserved() throws Exception {
        Shop app = Shop.at(appUrl);

        assertEquals(204, app.post("beacon", "vital", ChromiumBodies.string("{\"name\":\"LCP\"}")).statusCode());
        assertEquals(204, app.post("beacon", "vital", ChromiumBodies.string("{\"name\":\"INP\"}")).statusCode());

        // Each beacon's line is said, if ever, before its observers are notified: once both are, it has been.
        said(app, "PageBeacons", "beacon to vital: {\"name\":\"LCP\"}");
        said(app, "PageBeacons", "beacon to vital: {\"name\":\"INP\"}");
        List<String> said = app.get("library-log?from=UnobservedEndpoints").body().lines()
                .filter(line -> line.contains("endpoint 'vital'")).toList();
        assertEquals(1, said.size(), said::toString);
        assertTrue(said.get(0).startsWith("A beacon to endpoint 'vital' reached only the observers of every endpoint: no observer names"
                + " that endpoint, nor a sink, nor beacon.endpoints; observers name "), said.get(0));
        assertTrue(said.get(0).contains("'vitals'"), said.get(0));
    }

    @Test
    void theReportObserversReceiveACspViolation() throws Exception {
        Shop app = Shop.at(appUrl);

        assertEquals(204, app.post("beacon", "csp", ChromiumBodies.cspReport()).statusCode());

        said(app, "Violations", "img-src blocked http://127.0.0.1/x.png on http://127.0.0.1/page line 0");
        said(app, "Violations", "csp-violation on http://127.0.0.1/page: ");
        said(app, "CspDashboard", " x1 on 1 page(s), e.g. http://127.0.0.1/page");
        List<String> fingerprinted = said(app, "Analytics", " img-src");
        assertTrue(fingerprinted.get(0).startsWith("csp-violation:"), fingerprinted::toString);
    }

    /** @return the lines the README's class logged that hold the text, once there is one */
    static List<String> said(Shop app, String readmeClass, String text) throws Exception {
        return Polling.until(readmeClass + " saying " + text,
                () -> app.get("library-log?level=INFO&from=" + readmeClass).body().lines().filter(line -> line.contains(text)).toList(),
                lines -> !lines.isEmpty(), LONG_ENOUGH);
    }
}
