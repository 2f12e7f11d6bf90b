package dev.beacon.core.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final ClientAddresses ANONYMISED = ClientAddresses.of(true, 24, 48);

    @Test
    void anIpv4AddressKeepsItsFirst24BitsAndAnIpv6OneItsFirst48() {
        assertEquals("203.0.113.0", ANONYMISED.shown("203.0.113.77"));
        assertEquals("2001:db8:85a3:0:0:0:0:0", ANONYMISED.shown("2001:db8:85a3:8d3:1319:8a2e:370:7348"));
        assertEquals("2001:db8:85a3:0:0:0:0:0", ANONYMISED.shown("2001:DB8:85A3::1"));
    }

    @Test
    void theBitsKeptAreTheApplicationsToChoose() {
        ClientAddresses coarser = ClientAddresses.of(true, 16, 32);

        assertEquals("203.0.0.0", coarser.shown("203.0.113.77"));
        assertEquals("2001:db8:0:0:0:0:0:0", coarser.shown("2001:db8:85a3::1"));
        assertEquals("203.0.113.64", ClientAddresses.of(true, 26, 48).shown("203.0.113.77"), "not only whole bytes");
        assertEquals("0.0.0.0", ClientAddresses.of(true, 0, 0).shown("203.0.113.77"));
    }

    @Test
    void whatIsNotAnAddressIsNotShownAndNothingIsLookedUp() {
        assertNull(ANONYMISED.shown("unknown"));
        assertNull(ANONYMISED.shown("client.example"));
        assertNull(ANONYMISED.shown("fe80::1%eth0"));
        assertNull(ANONYMISED.shown(null));
    }

    @Test
    void withoutAnonymisingTheAddressAndEveryHeaderAreShownAsReceived() {
        ClientAddresses whole = ClientAddresses.of(false, 24, 48);
        InMemoryRequest request = InMemoryRequest.post("http://127.0.0.1:8080", Map.of("X-Forwarded-For", "198.51.100.20"), new byte[0]);

        assertEquals("203.0.113.77", whole.shown("203.0.113.77"));
        assertEquals("198.51.100.20", whole.headersOf(request).apply("X-Forwarded-For"));
    }

    @Test
    void anonymisedTheHeadersThatCarryWholeAddressesAreLeftOut() {
        InMemoryRequest request = new InMemoryRequest("POST", "HTTP/1.1", "http://127.0.0.1:8080", List.of(
                Map.entry("Forwarded", "for=198.51.100.20"), Map.entry("x-forwarded-for", "198.51.100.20"),
                Map.entry("X-Real-IP", "198.51.100.20"), Map.entry("User-Agent", "Firefox/153.0")), new byte[0]);

        assertNull(ANONYMISED.headersOf(request).apply("Forwarded"));
        assertNull(ANONYMISED.headersOf(request).apply("X-Forwarded-For"));
        assertNull(ANONYMISED.headersOf(request).apply("X-Real-IP"));
        assertEquals("Firefox/153.0", ANONYMISED.headersOf(request).apply("User-Agent"));
    }
}
