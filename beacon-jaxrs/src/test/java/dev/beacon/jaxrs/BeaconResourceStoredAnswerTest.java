package dev.beacon.jaxrs;

import dev.beacon.testing.StoredAnswerContractTest;

/**
 * Answers once stored, through the resource, in Jersey: its request thread waits for the sinks.
 */
class BeaconResourceStoredAnswerTest extends StoredAnswerContractTest {

    BeaconResourceStoredAnswerTest() {
        super(new JerseyResource());
    }
}
