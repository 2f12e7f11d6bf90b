package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.Recording;
import dev.beacon.testing.RecordingSink;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code beacon.answer-when=stored} on a real server, at the filter and at the resource: a beacon its sink stores is
 * answered {@code 204}; one it holds and never stores ({@link RecordingSink#HELD}), {@code 503} with {@code Retry-After} once
 * {@code beacon.answer-timeout} has passed. That refusal is made on a timer's thread, where Jersey's and RESTEasy's
 * proxies of the servlet request no longer answer: what it tells of the request was taken on the request's thread. At the
 * filter, a body read without blocking waits for the sinks past the dispatch that began the read, when Liberty no longer
 * lets a request's async timeout be set.
 */
@ExtendWith(ArquillianExtension.class)
class StoredAnswersIT {

    @ArquillianResource
    private URL appUrl;

    @Deployment(testable = false)
    static WebArchive storingApplication() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "stored-answers.war").addClasses(ResourceOnlyApplication.class, RecordingSink.class, Recording.class)
                .setWebXML(LibraryWars.webXml("beacon.answer-when", "stored", "beacon.answer-timeout", "1"));
        return LibraryWars.withLibraryJars(war, "beacon-api-", "beacon-core-", "beacon-servlet-", "beacon-jaxrs-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void aStoredBeaconIsAnswered204AndOneNeverStored503WithRetryAfterOnceTheTimeoutHasPassed(String via) throws Exception {
        HttpResponse<String> stored = post(via, "stored");
        assertEquals(204, stored.statusCode(), stored.headers() + " " + stored.body());

        HttpResponse<String> refused = post(via, RecordingSink.HELD + "never");

        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals(Optional.of("5"), refused.headers().firstValue("Retry-After"));
        assertEquals("The beacon could not be stored within 1 s", refused.body().strip());
    }

    private HttpResponse<String> post(String via, String endpoint) throws Exception {
        return Shop.at(appUrl).post(via, endpoint, ChromiumBodies.string("stored?"));
    }
}
