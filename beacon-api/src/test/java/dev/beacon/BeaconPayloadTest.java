package dev.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.ChromiumBodies.BrowserBody;
import dev.beacon.testing.WebVital;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
                "id=p1&name=LCP&value=1234.5&delta=12&ignored=x".getBytes(StandardCharsets.UTF_8));
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

    private static Beacon beacon(BrowserBody body) {
        return Beacon.builder("vitals", "/beacon/vitals").contentType(body.contentType() == null ? null : ContentType.parse(body.contentType()))
                .body(body.bytes()).build();
    }

    /** A class with a public field, the other shape JSON-B binds. */
    public static class Tags {
        public List<String> tag;
    }
}
