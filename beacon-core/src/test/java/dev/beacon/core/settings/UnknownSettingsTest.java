package dev.beacon.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.testing.LogRecords;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** A misspelt setting is said, with the one meant, instead of being ignored while the real one stays in force. */
class UnknownSettingsTest {

    @Test
    void aMisspeltSettingIsWarnedOfOnceWithTheSettingMeant() {
        try (LogRecords log = LogRecords.of(UnknownSettings.class)) {
            check(Map.of("beacon.max-bodysize", "10", BeaconConfig.MAX_IN_FLIGHT, "5"));

            assertEquals(List.of("beacon.max-bodysize is set, but is not a setting of the beacon library: did you mean"
                    + " beacon.max-body-size? It is ignored; beacon.unknown-settings=fail fails the deployment instead."),
                    log.at(Level.WARNING));
        }
    }

    @Test
    void everyMisspeltSettingIsSaidInTheOneLine() {
        try (LogRecords log = LogRecords.of(UnknownSettings.class)) {
            check(Map.of("beacon.max-bodysize", "10", "beacon.trusted-proxy", "10.0.0.0/8"));

            assertEquals(List.of("beacon.max-bodysize is set, but is not a setting of the beacon library: did you mean"
                    + " beacon.max-body-size? beacon.trusted-proxy is set, but is not a setting of the beacon library: did you"
                    + " mean beacon.trusted-proxies? They are ignored; beacon.unknown-settings=fail fails the deployment instead."),
                    log.at(Level.WARNING));
        }
    }

    /** The application's own source (here a map, on a server its {@code web.xml}) and system properties alike. */
    @Test
    void namesSetInTheApplicationsOwnSourceAndAsSystemPropertiesAreChecked() {
        System.setProperty("beacon.max-in-fligth", "5");
        try (LogRecords log = LogRecords.of(UnknownSettings.class)) {
            Map<String, String> own = Map.of("beacon.max-bodysize", "10");
            BeaconSettings settings = BeaconSettings.layered(own::get, own::keySet);

            UnknownSettings.check(settings, BeaconConfig.from(settings::value));

            List<String> said = log.at(Level.WARNING);
            assertEquals(1, said.size(), said::toString);
            assertTrue(said.get(0).contains("beacon.max-bodysize is set, but is not a setting of the beacon library: did you mean"
                    + " beacon.max-body-size?"), said.get(0));
            assertTrue(said.get(0).contains("beacon.max-in-fligth is set, but is not a setting of the beacon library: did you mean"
                    + " beacon.max-in-flight?"), said.get(0));
        } finally {
            System.clearProperty("beacon.max-in-fligth");
        }
    }

    @Test
    void theApplicationMayChooseToFailTheDeploymentInstead() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> check(Map.of("beacon.trusted-proxy", "10.0.0.0/8", BeaconConfig.UNKNOWN_SETTINGS, "fail")));

        assertEquals("beacon.trusted-proxy is set, but is not a setting of the beacon library: did you mean beacon.trusted-proxies?",
                refused.getMessage());
    }

    @Test
    void knownSettingsAndThoseOfOtherModulesAndNamesElsewhereAreLeftAlone() {
        try (LogRecords log = LogRecords.of(UnknownSettings.class)) {
            check(Map.of(BeaconConfig.ANONYMIZED_IPV6_PREFIX, "32", "beacon.kafka.topic", "beacons", "beaconing", "on",
                    BeaconConfig.UNKNOWN_SETTINGS, "fail"));

            assertEquals(List.of(), log.at(Level.WARNING));
        }
    }

    @Test
    void everySettingNameIsKnown() {
        assertTrue(BeaconConfig.NAMES.containsAll(List.of(BeaconConfig.ENABLED, BeaconConfig.PATHS, BeaconConfig.GET_RESPONSE,
                BeaconConfig.DROP_EXTENSION_VIOLATIONS, BeaconConfig.UNKNOWN_SETTINGS)));
        assertFalse(BeaconConfig.NAMES.contains(BeaconConfig.DEFAULT_MEDIA_TYPES), "a default is no name");
    }

    private static void check(Map<String, String> values) {
        BeaconSettings settings = BeaconSettings.of(values);
        UnknownSettings.check(settings, BeaconConfig.from(settings::value));
    }
}
