package dev.beacon.jaxrs;

import dev.beacon.testing.GetBeaconContractTest;

/**
 * GET beacons through the resource, in Jersey.
 */
class BeaconResourceGetTest extends GetBeaconContractTest {

    BeaconResourceGetTest() {
        super(new JerseyResource());
    }
}
