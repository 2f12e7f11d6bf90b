package dev.beacon.servlet;

import dev.beacon.testing.StoredAnswerContractTest;

/**
 * Answers once stored, through the filter, in Jetty.
 */
class BeaconFilterStoredAnswerTest extends StoredAnswerContractTest {

    BeaconFilterStoredAnswerTest() {
        super(new JettyFilter());
    }
}
