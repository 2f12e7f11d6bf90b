package dev.beacon.core.settings;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Names set under {@code beacon.} that no setting has, such as {@code beacon.max-bodysize}: a misspelt setting would
 * otherwise be ignored, and what it meant to change stay as it was. Said once, when the application starts, with the
 * setting nearest to it; or, with {@value BeaconConfig#UNKNOWN_SETTINGS}{@code =fail}, the deployment fails with it.
 * Names under {@code beacon.kafka.} are {@code beacon-kafka}'s, which checks its own.
 */
public final class UnknownSettings {

    private static final Logger LOGGER = Logger.getLogger(UnknownSettings.class.getName());
    private static final String OTHER_MODULES = "beacon.kafka.";

    private UnknownSettings() {
    }

    /**
     * @param settings the application's settings
     * @param config what they were read into, which says whether to fail or warn
     * @throws IllegalArgumentException naming the first unknown name, when the application chose to fail
     */
    public static void check(BeaconSettings settings, BeaconConfig config) {
        Optional<String> unknown = settings.firstUnknown("beacon.",
                name -> BeaconConfig.NAMES.contains(name) || name.startsWith(OTHER_MODULES), BeaconConfig.NAMES, "a setting of the beacon library");
        if (unknown.isEmpty()) {
            return;
        }
        if (config.unknownSettingsFail()) {
            throw new IllegalArgumentException(unknown.get());
        }
        LOGGER.warning(() -> unknown.get() + " It is ignored; " + BeaconConfig.UNKNOWN_SETTINGS + "=fail fails the deployment instead.");
    }
}
