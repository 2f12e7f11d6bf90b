package dev.beacon.core.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
