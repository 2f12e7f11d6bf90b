package dev.beacon.core.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BeaconPathsTest {

    private final BeaconPaths paths = new BeaconPaths(List.of("/beacon", "/rum"));

    @Test
    void baseIsTheDefaultEndpointAndOneSegmentMoreNamesOne() {
        assertEquals(Optional.of("default"), paths.endpointOf("/beacon"));
        assertEquals(Optional.of("csp"), paths.endpointOf("/beacon/csp"));
        assertEquals(Optional.of("web-vitals_2.0"), paths.endpointOf("/rum/web-vitals_2.0"));
    }

    @Test
    void otherPathsAreNotBeaconPaths() {
        assertEquals(Optional.empty(), paths.endpointOf("/beacons"));
        assertEquals(Optional.empty(), paths.endpointOf("/beacon/"));
        assertEquals(Optional.empty(), paths.endpointOf("/beacon/a/b"));
        assertEquals(Optional.empty(), paths.endpointOf("/products/42"));
    }

    @Test
    void anEndpointNameIsOneToSixtyFourLettersDigitsDotsUnderscoresOrDashesStartingWithALetterOrDigit() {
        assertTrue(BeaconPaths.isEndpointName("a"));
        assertTrue(BeaconPaths.isEndpointName("9"));
        assertTrue(BeaconPaths.isEndpointName("x".repeat(64)));
        assertFalse(BeaconPaths.isEndpointName(""));
        assertFalse(BeaconPaths.isEndpointName("x".repeat(65)));
        assertFalse(BeaconPaths.isEndpointName("-dash-first"));
        assertFalse(BeaconPaths.isEndpointName(".hidden"));
        assertFalse(BeaconPaths.isEndpointName("caf\u00e9"));
        assertFalse(BeaconPaths.isEndpointName("a%2Fb"));
        assertFalse(BeaconPaths.isEndpointName("a b"));
    }
}
