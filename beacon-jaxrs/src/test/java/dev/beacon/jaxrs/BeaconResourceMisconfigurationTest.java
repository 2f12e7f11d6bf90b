package dev.beacon.jaxrs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.core.settings.BeaconConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An application whose beacon settings are invalid does not start: its deployer learns which setting is
 * wrong at once, rather than its users' beacons being refused one by one.
 */
class BeaconResourceMisconfigurationTest {

    @Test
    void invalidSettingFailsTheDeploymentNamingTheSettingAndTheValue() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> JerseyApp.start(Map.of(BeaconConfig.MAX_BODY_SIZE, "64k")).close());

        assertTrue(failure.getMessage().contains("'beacon.max-body-size'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("'64k'"), failure.getMessage());
    }

    @Test
    void inFlightBytesBelowTheLargestBodyFailsTheDeployment() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> JerseyApp.start(Map.of(BeaconConfig.MAX_BODY_SIZE, "2048", BeaconConfig.MAX_IN_FLIGHT_BYTES, "1024")).close());

        assertTrue(failure.getMessage().contains("'beacon.max-in-flight-bytes'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("2048"), failure.getMessage());
    }
}
