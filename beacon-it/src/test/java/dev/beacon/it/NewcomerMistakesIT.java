package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.demo.StatisticsServlet;
import dev.beacon.demo.WebVital;
import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.Polling;
import jakarta.enterprise.inject.spi.Extension;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mistakes a newcomer makes that deploy, each answered on a real server with a status that says it and a log line
 * logged once, while what a browser sends correctly still gets its {@code 204}. The application observes endpoint
 * {@code vitals}, as {@code WebVital}, and endpoint {@code hidden} as a class whose fields JSON-B never sets; it
 * refuses endpoints nothing names ({@code beacon.unknown-endpoints=refuse}),
 * lists {@code sink-only}, an endpoint for the sinks, which no observer names, has a sink that takes endpoint
 * {@code sunk} by name, and misspells a setting in its MicroProfile Config. It takes beacons through the filter and, at {@code /api/beacon}, the Jakarta REST resource.
 */
@ExtendWith(ArquillianExtension.class)
class NewcomerMistakesIT {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);
    private static final String MISSPELT_SETTING = "beacon.max-bodysize";

    @ArquillianResource
    private URL appUrl;

    @Deployment(testable = false)
    static WebArchive anApplicationThatObservesOneEndpoint() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "newcomer.war")
                .addClasses(VitalsObserver.class, VitalsObserver.Received.class, WebVital.class, LibraryLogServlet.class,
                        HiddenFieldsObserver.class, HiddenFieldsObserver.Vital.class, LibraryLogCapture.class, ResourceOnlyApplication.class,
                        NamingSink.class, NamingSink.Written.class, StatisticsServlet.class)
                .addAsServiceProvider(Extension.class, LibraryLogCapture.class)
                // An archive with an extension and no beans.xml is no bean archive: this one is, as the README's apps are.
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource(new StringAsset(MISSPELT_SETTING + "=10\n"), "classes/META-INF/microprofile-config.properties")
                .setWebXML(LibraryWars.webXml("beacon.unknown-endpoints", "refuse", "beacon.endpoints", "sink-only"));
        return LibraryWars.withLibraryJars(war, "beacon-api-", "beacon-core-", "beacon-servlet-", "beacon-jaxrs-");
    }

    @Test
    void aMistypedEndpointIsAnswered404ThroughTheFilterAndTheResourceAndLoggedOnceNamingTheEndpointsObserved() throws Exception {
        Shop app = Shop.at(appUrl);

        HttpResponse<String> first = app.post("beacon", "vital", ChromiumBodies.string("{\"name\":\"LCP\"}"));
        HttpResponse<String> second = app.post("beacon", "vital", ChromiumBodies.string("{\"name\":\"LCP\"}"));
        HttpResponse<String> throughTheResource = app.post("api/beacon", "vital", ChromiumBodies.string("{\"name\":\"LCP\"}"));

        assertEquals(404, first.statusCode(), first.body());
        assertEquals("No such beacon endpoint", first.body().strip());
        assertEquals(404, second.statusCode());
        assertEquals(404, throughTheResource.statusCode(), throughTheResource.body());
        assertEquals("No such beacon endpoint", throughTheResource.body().strip());
        List<String> said = app.get("library-log?from=UnknownEndpoints").body().lines().toList();
        assertEquals(1, said.size(), said::toString);
        assertTrue(said.get(0).startsWith("Beacons to endpoint 'vital' are answered 404, as beacon.unknown-endpoints=refuse says:"
                + " no observer names it, nor a sink, nor beacon.endpoints. Observers name 'hidden', 'vitals'; beacon.endpoints lists 'sink-only'."), said.get(0));
    }

    @Test
    void aPayloadClassWhoseFieldsJsonbNeverSetsIsWarnedOfOnceAtDeploymentNamingThemAndTheFix() throws Exception {
        List<String> said = Shop.at(appUrl).get("library-log?from=BeaconExtension").body().lines().toList();

        assertEquals(1, said.size(), said::toString);
        assertEquals("Beacon observer " + HiddenFieldsObserver.class.getName() + " receives beacons to endpoint 'hidden' as "
                + HiddenFieldsObserver.Vital.class.getName() + " has field(s) 'name', 'value' that JSON-B never sets: they are private"
                + " or final, with no public setter, so every beacon would reach observers with them empty. Make Vital a record, or"
                + " give those fields public setters.", said.get(0));
    }

    @Test
    void aBeaconThatReachesNoObserverIsLoggedOnceNamingTheEndpointsObserved() throws Exception {
        Shop app = Shop.at(appUrl);

        assertEquals(204, app.post("beacon", "sink-only", ChromiumBodies.string("first")).statusCode());
        assertEquals(204, app.post("beacon", "sink-only", ChromiumBodies.string("second")).statusCode());

        // Delivered after the 204: the line comes when the first beacon found no observer.
        List<String> said = Polling.until("the line about endpoint 'sink-only'",
                () -> app.get("library-log?from=UnobservedEndpoints").body().lines().toList(), lines -> !lines.isEmpty(), LONG_ENOUGH);
        assertEquals(1, said.size(), said::toString);
        assertTrue(said.get(0).startsWith("A beacon to endpoint 'sink-only' reached no observer: none names that endpoint, and none"
                + " observes every endpoint; observers name 'hidden', 'vitals'."), said.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"beacon", "api/beacon"})
    void aBodyThatDoesNotFitTheObservedClassIsRefusedNamingThePropertyAndAGoodOneIsDelivered(String wayIn) throws Exception {
        Shop app = Shop.at(appUrl);
        String id = wayIn.replace('/', '-');

        HttpResponse<String> misnamed = app.post(wayIn, "vitals", ChromiumBodies.string("{\"id\":\"m1\",\"metric\":\"LCP\",\"val\":1.5}"));
        HttpResponse<String> lossy = app.post(wayIn, "vitals", ChromiumBodies.string("{\"id\":\"m2\",\"name\":\"CLS\",\"value\":0.1,\"delta\":1.7}"));
        HttpResponse<String> good = app.post(wayIn, "vitals", ChromiumBodies.string("{\"id\":\"" + id + "\",\"name\":\"LCP\",\"value\":1.5,\"delta\":2}"));

        assertEquals(400, misnamed.statusCode());
        assertTrue(misnamed.body().startsWith("Body not bindable to WebVital: property 'metric' is not one WebVital declares (id, name, value, delta)"),
                misnamed.body());
        assertEquals(400, lossy.statusCode());
        assertTrue(lossy.body().startsWith("Body not bindable to WebVital: property 'delta' is '1.7', which int cannot hold without loss"),
                lossy.body());
        assertEquals(204, good.statusCode(), good.body());
        Polling.until("the good vital", () -> app.get("vitals-received").body().lines().toList(), received -> received.contains(id), LONG_ENOUGH);
    }

    /** The sink names its endpoint, as the Kafka sink names those with a topic of their own: no observer needs to. */
    @Test
    void anEndpointASinkTakesByNameIsAcceptedThroughTheFilterAndTheResourceAndNotSaidToBeUnobserved() throws Exception {
        Shop app = Shop.at(appUrl);

        assertEquals(204, app.post("beacon", NamingSink.ENDPOINT, ChromiumBodies.string("to the sink")).statusCode());
        assertEquals(204, app.post("api/beacon", NamingSink.ENDPOINT, ChromiumBodies.string("to the sink")).statusCode());

        // The sink takes every beacon accepted, the other tests' too: these two are its endpoint's.
        Polling.until("both beacons in the sink", () -> app.get("sunk").body().lines().filter(NamingSink.ENDPOINT::equals).count(),
                written -> written == 2, LONG_ENOUGH);
        // A beacon's place comes back once its delivery is over, the line (if any) said before: none is in flight now.
        app.awaitNothingInFlight();
        assertEquals(List.of(), app.get("library-log?from=UnobservedEndpoints").body().lines()
                .filter(line -> line.contains("'" + NamingSink.ENDPOINT + "'")).toList());
    }

    /** Set where the server's MicroProfile Config reads it, warned of once at deployment; the application deploys. */
    @Test
    void aMisspeltSettingInMicroProfileConfigIsWarnedOfOnceAtDeploymentWithTheSettingMeant() throws Exception {
        List<String> said = Shop.at(appUrl).get("library-log?from=UnknownSettings").body().lines().toList();

        assertEquals(1, said.size(), said::toString);
        assertTrue(said.get(0).startsWith(MISSPELT_SETTING + " is set, but is not a setting of the beacon library: did you mean"
                + " beacon.max-body-size?"), said.get(0));
        assertTrue(said.get(0).endsWith("ignored; beacon.unknown-settings=fail fails the deployment instead."), said.get(0));
    }
}
