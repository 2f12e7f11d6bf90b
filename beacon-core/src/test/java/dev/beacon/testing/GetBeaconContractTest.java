package dev.beacon.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.core.settings.BeaconConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * GET beacons, as image pixels and trackers' fallbacks send them, at every entry point.
 */
public abstract class GetBeaconContractTest extends EntryPointContract {

    private static final byte[] TRANSPARENT_GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    protected GetBeaconContractTest(EntryPoint entryPoint) {
        super(entryPoint);
    }

    @Test
    void aGetIsABeaconWhoseQueryIsItsFormAnsweredNeverToBeCached() throws Exception {
        URI beacons = start(Map.of(BeaconConfig.GET, "true"));

        HttpResponse<byte[]> response = get(beacons, "pixel", "e=hidden&t=1700000000000&page=%2Fcart%3Fid%3D1");

        assertEquals(204, response.statusCode());
        assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control"));
        Beacon beacon = observers().sync().awaitOne("pixel");
        assertEquals("/cart?id=1", beacon.form().orElseThrow().first("page").orElseThrow());
        assertEquals("hidden", beacon.form().orElseThrow().first("e").orElseThrow());
        assertEquals("e=hidden&t=1700000000000&page=%2Fcart%3Fid%3D1", beacon.text());
    }

    @Test
    void aGetBeaconIsAnsweredWithATransparentGifWhenSoConfigured() throws Exception {
        URI beacons = start(Map.of(BeaconConfig.GET, "true", BeaconConfig.GET_RESPONSE, "gif"));

        HttpResponse<byte[]> response = get(beacons, "pixel", "e=load");

        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("image/gif"), response.headers().firstValue("Content-Type"));
        assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control"));
        assertArrayEquals(TRANSPARENT_GIF, response.body());
        observers().sync().awaitOne("pixel");
    }

    @Test
    void aQueryOverTheLimitGets414AndAMalformedOne400() throws Exception {
        URI beacons = start(Map.of(BeaconConfig.GET, "true", BeaconConfig.MAX_QUERY_LENGTH, "64"));

        HttpResponse<byte[]> tooLong = get(beacons, "long", "q=" + "x".repeat(100));
        String malformed;
        try (RawHttp raw = new RawHttp(beacons)) {
            // Not a URI java.net.URI lets through: sent as a client that does not check would send it.
            malformed = raw.send("GET " + beacons.getPath() + "/malformed?q=%ZZ HTTP/1.1\r\nHost: " + beacons.getAuthority()
                    + "\r\nConnection: close\r\n\r\n").readHead();
        }

        assertEquals(414, tooLong.statusCode());
        assertEquals("Query longer than 64 characters", new String(tooLong.body(), StandardCharsets.UTF_8).strip());
        assertEquals(400, RawHttp.status(malformed), malformed);
        assertTrue(malformed.toLowerCase(java.util.Locale.ROOT).contains("cache-control: no-store"), malformed);
        assertEquals(List.of(), observers().sync().matching(beacon -> !beacon.endpoint().equals("pixel")));
    }

    @Test
    void aGetBeaconBindsToTheClassObservedAtItsEndpoint() throws Exception {
        URI beacons = start(Map.of(BeaconConfig.GET, "true"));

        assertEquals(204, get(beacons, "vitals", "id=get-1&name=CLS&value=0.05&delta=0").statusCode());

        assertEquals(new WebVital("get-1", "CLS", 0.05, 0), observers().vitals().awaitOne("get-1"));
    }

    @Test
    void withoutTheSettingAGetIs405AndAllowSaysSo() throws Exception {
        URI beacons = start(Map.of());

        HttpResponse<byte[]> response = get(beacons, "pixel", "e=load");

        assertEquals(405, response.statusCode());
        assertEquals(Optional.of("POST, OPTIONS"), response.headers().firstValue("Allow"));
    }

    @Test
    void withTheSettingAllowNamesGet() throws Exception {
        URI beacons = start(Map.of(BeaconConfig.GET, "true"));

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(beacons + "/pixel"))
                .method("PUT", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(405, response.statusCode());
        assertEquals(Optional.of("GET, POST, OPTIONS"), response.headers().firstValue("Allow"));
        assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("POST or GET"));
    }

    private HttpResponse<byte[]> get(URI beacons, String endpoint, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(beacons + "/" + endpoint + "?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

}
