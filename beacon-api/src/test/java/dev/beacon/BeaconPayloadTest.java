package dev.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.ChromiumBodies.BrowserBody;
import dev.beacon.testing.WebVital;
import java.nio.charset.StandardCharsets;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A body bound to the application's class with JSON-B (Yasson, as Payara and WildFly ship it): JSON as
 * any media type a page sends it with, and form fields by name.
 */
class BeaconPayloadTest {

    private static final String VITAL = "{\"id\":\"p1\",\"name\":\"LCP\",\"value\":1234.5,\"delta\":12}";
    private static final WebVital EXPECTED = new WebVital("p1", "LCP", 1234.5, 12);

    @Test
    void bindsJsonSentAsTextPlainAsABlobAndWithoutType() {
        assertEquals(EXPECTED, beacon(ChromiumBodies.string(VITAL)).as(WebVital.class));
        assertEquals(EXPECTED, beacon(ChromiumBodies.jsonBlob(VITAL)).as(WebVital.class));
        assertEquals(EXPECTED, beacon(ChromiumBodies.untypedBlob(VITAL.getBytes(StandardCharsets.UTF_8))).as(WebVital.class));
    }

    @Test
    void bindsFormFieldsByNameReadingNumbersFromTheirText() {
        BrowserBody params = new BrowserBody("application/x-www-form-urlencoded;charset=UTF-8",
                "id=p1&name=LCP&value=1234.5&delta=12".getBytes(StandardCharsets.UTF_8));
        assertEquals(EXPECTED, beacon(params).as(WebVital.class));
        String multipart = "--XyZ\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\np1\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nLCP\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"value\"\r\n\r\n1234.5\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"delta\"\r\n\r\n12\r\n--XyZ--\r\n";
        assertEquals(EXPECTED, beacon(new BrowserBody("multipart/form-data; boundary=XyZ", multipart.getBytes(StandardCharsets.UTF_8)))
                .as(WebVital.class));
    }

    @Test
    void aFieldSentSeveralTimesBindsAsAList() {
        Tags tags = beacon(new BrowserBody("application/x-www-form-urlencoded", "tag=a&tag=b".getBytes(StandardCharsets.UTF_8))).as(Tags.class);

        assertEquals(List.of("a", "b"), tags.tag);
    }

    @Test
    void bindsOnceAndHandsEveryCallerTheSameInstance() {
        Beacon beacon = beacon(ChromiumBodies.string(VITAL));

        assertSame(beacon.as(WebVital.class), beacon.as(WebVital.class));
    }

    @Test
    void aValueThatDoesNotBindIsRefusedNamingTheClassAndTheField() {
        MalformedBeaconException failure = assertThrows(MalformedBeaconException.class,
                () -> beacon(ChromiumBodies.jsonBlob("{\"id\":\"p1\",\"value\":\"fast\"}")).as(WebVital.class));

        assertTrue(failure.getMessage().startsWith("Body not bindable to WebVital: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("'value'"), failure.getMessage());
        assertEquals(1, failure.getMessage().lines().count());
    }

    @Test
    void bodiesWithoutJsonOrFieldsOrThatAreNullAreRefusedSayingWhy() {
        List<BrowserBody> unbindable = List.of(ChromiumBodies.string("hidden at 1700000000000"),
                new BrowserBody("application/octet-stream", new byte[] {1, 2}), ChromiumBodies.jsonBlob("null"),
                ChromiumBodies.jsonBlob("[1, 2]"));
        for (BrowserBody body : unbindable) {
            MalformedBeaconException failure = assertThrows(MalformedBeaconException.class, () -> beacon(body).as(WebVital.class));
            assertTrue(failure.getMessage().startsWith("Body not bindable to WebVital: "), failure.getMessage());
        }
    }

    @Test
    void aPropertyTheClassDoesNotDeclareIsRefusedNamingItAndWhatTheClassDeclares() {
        String message = refusal(ChromiumBodies.string("{\"metric\":\"LCP\",\"val\":1.5}"), WebVital.class);

        assertEquals("Body not bindable to WebVital: property 'metric' is not one WebVital declares (id, name, value, delta);"
                + " declare it, or set beacon.binding=lenient to bind as JSON-B alone does", message);
        assertTrue(refusal(new BrowserBody("application/x-www-form-urlencoded", "name=LCP&utm_source=x".getBytes(StandardCharsets.UTF_8)),
                WebVital.class).contains("property 'utm_source' is not one WebVital declares"));
    }

    @Test
    void aNumberAnIntegralPropertyCannotHoldIsRefusedAndOneItCanHoldBinds() {
        assertTrue(refusal(ChromiumBodies.string("{\"name\":\"CLS\",\"delta\":1.7}"), WebVital.class)
                .startsWith("Body not bindable to WebVital: property 'delta' is '1.7', which int cannot hold without loss;"));
        assertTrue(refusal(ChromiumBodies.string("{\"delta\":3000000000}"), WebVital.class).contains("'3000000000', which int cannot hold"));
        assertTrue(refusal(ChromiumBodies.string("{\"sequence\":-1e30}"), Counted.class).contains("'-1E+30', which Long cannot hold"));

        assertEquals(12, beacon(ChromiumBodies.string("{\"delta\":12.0}")).as(WebVital.class).delta());
        assertEquals(1_200_000_000L, beacon(ChromiumBodies.string("{\"sequence\":1.2e9}")).as(Counted.class).sequence);
        assertEquals(1.7, beacon(ChromiumBodies.string("{\"value\":1.7}")).as(WebVital.class).value());
    }

    @Test
    void nestedObjectsOfTheApplicationsClassesAreHeldToTheirDeclarationsAndMapsAreNot() {
        String nested = "{\"entries\":[{\"name\":\"a\",\"startTime\":1}],\"attributes\":{\"anything\":[1, {\"at\":\"all\"}]}}";
        assertEquals("a", beacon(ChromiumBodies.string(nested)).as(Trace.class).entries.get(0).name);

        String refused = refusal(ChromiumBodies.string("{\"entries\":[{\"name\":\"a\"},{\"name\":\"b\",\"duration\":2.5}]}"), Trace.class);
        assertTrue(refused.startsWith("Body not bindable to Trace: property 'entries[1].duration' is not one Entry declares (name, startTime);"),
                refused);
    }

    @Test
    void propertiesGoByTheirJsonbNamesAndSettersAndCreatorsDeclareThemToo() {
        Renamed renamed = beacon(ChromiumBodies.string("{\"n\":\"LCP\",\"label\":\"x\"}")).as(Renamed.class);
        assertEquals("LCP", renamed.name);
        assertEquals("x", renamed.label);
        assertTrue(refusal(ChromiumBodies.string("{\"name\":\"LCP\"}"), Renamed.class).contains("property 'name' is not one Renamed declares (n, label)"));

        assertEquals("LCP", beacon(ChromiumBodies.string("{\"metric\":\"LCP\"}")).as(Created.class).name());
    }

    @Test
    void lenientBindingBindsAsJsonbAloneDoes() {
        Beacon lenient = Beacon.builder("vitals", "/beacon/vitals").contentType(ContentType.parse("text/plain;charset=UTF-8"))
                .body("{\"metric\":\"LCP\",\"val\":1.5,\"delta\":1.7}".getBytes(StandardCharsets.UTF_8)).lenientBinding().build();

        assertEquals(new WebVital(null, null, 0.0, 1), lenient.as(WebVital.class));
    }

    private static String refusal(BrowserBody body, Class<?> type) {
        MalformedBeaconException failure = assertThrows(MalformedBeaconException.class, () -> beacon(body).as(type));
        assertEquals(1, failure.getMessage().lines().count());
        return failure.getMessage();
    }

    private static Beacon beacon(BrowserBody body) {
        return Beacon.builder("vitals", "/beacon/vitals").contentType(body.contentType() == null ? null : ContentType.parse(body.contentType()))
                .body(body.bytes()).build();
    }

    /** A payload with an optional wrapper number. */
    public static class Counted {
        public Long sequence;
    }

    /** A payload with a list of the application's records, and a map that may hold anything. */
    public static class Trace {
        public List<Entry> entries;
        public Map<String, Object> attributes;
    }

    /**
     * An entry of a {@link Trace}; a class, not a record: run after this module's fuzz tests (and only then), Yasson bound
     * a record nested in a list with its components unset. Not yet understood; the strict check passed it either way.
     */
    public static class Entry {
        public String name;
        public long startTime;
    }

    /** A property renamed with {@code @JsonbProperty}, and one set through a setter only. */
    public static class Renamed {
        @JsonbProperty("n")
        public String name;
        private String label;

        public void setLabel(String label) {
            this.label = label;
        }
    }

    /** A class JSON-B constructs through its {@code @JsonbCreator}, with a renamed parameter. */
    public static final class Created {
        private final String name;

        @JsonbCreator
        public Created(@JsonbProperty("metric") String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    /** A class with a public field, the other shape JSON-B binds. */
    public static class Tags {
        public List<String> tag;
    }
}
