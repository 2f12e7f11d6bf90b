package dev.beacon.servlet;

import dev.beacon.testing.GetBeaconContractTest;

/**
 * GET beacons through the filter, in Jetty.
 */
class BeaconFilterGetTest extends GetBeaconContractTest {

    BeaconFilterGetTest() {
        super(new JettyFilter());
    }
}
