package dev.beacon.core.exchange;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

    private final AllowedOrigins origins = new AllowedOrigins(List.of("https://app.example.com", "https://*.example.org", "http://localhost:8080"));

    @Test
    void allowsExactOriginsWithTheirDefaultPort() {
        assertTrue(origins.allows("https://app.example.com"));
        assertTrue(origins.allows("https://APP.example.com:443"));
        assertTrue(origins.allows("http://localhost:8080"));
    }

    @Test
    void refusesOtherSchemesPortsAndHosts() {
        assertFalse(origins.allows("http://app.example.com"));
        assertFalse(origins.allows("https://app.example.com:8443"));
        assertFalse(origins.allows("https://app.example.com.evil.net"));
        assertFalse(origins.allows("http://localhost:8081"));
        assertFalse(origins.allows("null"));
        assertFalse(origins.allows("not an origin"));
    }

    @Test
    void wildcardMatchesSubdomainsOnly() {
        assertTrue(origins.allows("https://shop.example.org"));
        assertTrue(origins.allows("https://a.b.example.org"));
        assertFalse(origins.allows("https://example.org"));
        assertFalse(origins.allows("https://evilexample.org"));
    }

    /** The fuzzer's finding: a star and a user part in a header once threw out of the intake instead of being refused. */
    @Test
    void refusesWhatIsNotAnOriginWithoutThrowingWhateverAClientSends() {
        assertFalse(origins.allows("Offfff://*.f@fff#O"));
        assertFalse(AllowedOrigins.isSameOrigin("Offfff://*.f@fff#O", request("http://fff:80", null)));
        assertFalse(origins.allows("https://*.example.org"), "a star in a header is no wildcard");
        assertFalse(origins.allows("https://*.evil@shop.example.org"));
        assertFalse(origins.allows("https://user@app.example.com"));
        assertFalse(origins.allows("https://app.example.com?x"));
        assertFalse(origins.allows("https://app.example.com#x"));
    }

    @Test
    void starAllowsAnyOrigin() {
        assertTrue(new AllowedOrigins(List.of("*")).allows("https://anything.test"));
    }

    @Test
    void sameOriginByOriginOrByTheBrowsersSecFetchSite() {
        assertTrue(AllowedOrigins.isSameOrigin("http://127.0.0.1:8080", request("http://127.0.0.1:8080", null)));
        assertTrue(AllowedOrigins.isSameOrigin("https://shop.test", request("http://shop.test:80", "same-origin")));
        assertFalse(AllowedOrigins.isSameOrigin("http://localhost:8080", request("http://127.0.0.1:8080", "cross-site")));
        assertFalse(AllowedOrigins.isSameOrigin("null", request("http://127.0.0.1:8080", null)));
    }

    private static IncomingRequest request(String serverOrigin, String secFetchSite) {
        return InMemoryRequest.post(serverOrigin, secFetchSite == null ? Map.of() : Map.of("Sec-Fetch-Site", secFetchSite), new byte[0]);
    }
}
