package dev.beacon.core.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client's address behind trusted proxies: read from the right, believed from trusted peers only.
 */
class TrustedProxiesTest {

    private static final TrustedProxies BALANCERS = TrustedProxies.of(List.of("10.0.0.0/8", "192.0.2.7", "fd00::/8"));

    @Test
    void aPeerThatIsNotTrustedKeepsItsAddressWhateverItForwards() {
        assertEquals("203.0.113.9", BALANCERS.clientAddressOf(request("203.0.113.9", "X-Forwarded-For", "1.2.3.4")));
        assertEquals("203.0.113.9", BALANCERS.clientAddressOf(request("203.0.113.9", "Forwarded", "for=1.2.3.4")));
    }

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        assertEquals("10.0.0.1", TrustedProxies.of(List.of()).clientAddressOf(request("10.0.0.1", "X-Forwarded-For", "1.2.3.4")));
    }

    @Test
    void readsXForwardedForFromTheRightUpToTheFirstAddressNotTrusted() {
        // The client forged its first entry; the balancers appended what they saw.
        assertEquals("198.51.100.20", BALANCERS.clientAddressOf(request("10.1.1.1", "X-Forwarded-For", "6.6.6.6, 198.51.100.20, 10.2.2.2")));
        assertEquals("198.51.100.20", BALANCERS.clientAddressOf(request("192.0.2.7", "X-Forwarded-For", "198.51.100.20")));
    }

    @Test
    void readsForwardedBeforeXForwardedForWithQuotesPortsAndIpv6() {
        assertEquals("2001:db8:cafe::17", BALANCERS.clientAddressOf(request("fd00::1",
                "Forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https, for=10.0.0.3", "X-Forwarded-For", "6.6.6.6")));
        assertEquals("198.51.100.20", BALANCERS.clientAddressOf(request("10.0.0.1", "Forwarded", "For=\"198.51.100.20:47011\";by=10.0.0.1")));
    }

    @Test
    void allTrustedGivesTheLeftmostAndAnUnknownHopStopsAtTheLastAddressKnown() {
        assertEquals("10.9.9.9", BALANCERS.clientAddressOf(request("10.0.0.1", "X-Forwarded-For", "10.9.9.9, 10.8.8.8")));
        assertEquals("10.8.8.8", BALANCERS.clientAddressOf(request("10.0.0.1", "Forwarded", "for=unknown, for=10.8.8.8")));
        assertEquals("10.0.0.1", BALANCERS.clientAddressOf(request("10.0.0.1", "X-Forwarded-For", "_hidden")));
        assertEquals("10.0.0.1", BALANCERS.clientAddressOf(request("10.0.0.1")));
    }

    /** A name is never looked up: "localhost" or a host name in a header is not an address. */
    @Test
    void readsIpLiteralsOnlyAndNeverLooksANameUp() {
        assertNull(AddressRanges.bytes("localhost"));
        assertNull(AddressRanges.bytes("example.com"));
        assertNull(AddressRanges.bytes("1.2.3"));
        assertNull(AddressRanges.bytes("256.1.1.1"));
        assertNull(AddressRanges.bytes("fe80::1%eth0"));
        assertEquals(4, AddressRanges.bytes("::ffff:10.0.0.1").length, "an IPv4-mapped address is its IPv4 address");
        assertEquals("10.0.0.1", BALANCERS.clientAddressOf(request("10.0.0.2", "X-Forwarded-For", "localhost, 10.0.0.1")));
    }

    @Test
    void rangesMatchTheirPrefixOnly() {
        TrustedProxies ranges = TrustedProxies.of(List.of("172.16.0.0/12", "2001:db8::/33"));
        assertEquals("9.9.9.9", ranges.clientAddressOf(request("172.31.255.255", "X-Forwarded-For", "9.9.9.9")));
        assertEquals("172.32.0.1", ranges.clientAddressOf(request("172.32.0.1", "X-Forwarded-For", "9.9.9.9")));
        assertEquals("9.9.9.9", ranges.clientAddressOf(request("2001:db8:7fff::1", "X-Forwarded-For", "9.9.9.9")));
        assertEquals("2001:db8:8000::1", ranges.clientAddressOf(request("2001:db8:8000::1", "X-Forwarded-For", "9.9.9.9")));
    }

    @Test
    void anEntryThatIsNeitherAnAddressNorARangeIsRefusedNamingIt() {
        for (String entry : List.of("proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "::1/129")) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of(entry)));
            assertTrue(failure.getMessage().contains("'beacon.trusted-proxies'") && failure.getMessage().contains(entry), failure::getMessage);
        }
    }

    private static IncomingRequest request(String peer, String... headers) {
        return new IncomingRequest() {
            @Override
            public String method() {
                return "POST";
            }

            @Override
            public String protocol() {
                return "HTTP/1.1";
            }

            @Override
            public String path() {
                return "/beacon";
            }

            @Override
            public List<String> headers(String name) {
                List<String> values = new java.util.ArrayList<>();
                for (int i = 0; i < headers.length; i += 2) {
                    if (headers[i].equalsIgnoreCase(name)) {
                        values.add(headers[i + 1]);
                    }
                }
                return values;
            }

            @Override
            public String serverOrigin() {
                return "http://127.0.0.1";
            }

            @Override
            public String clientAddress() {
                return peer;
            }

            @Override
            public Map<String, String> cookies() {
                return Map.of();
            }

            @Override
            public InputStream body() {
                return InputStream.nullInputStream();
            }
        };
    }
}
