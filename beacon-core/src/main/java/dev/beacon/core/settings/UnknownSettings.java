package dev.beacon.core.settings;

import java.util.List;
import java.util.logging.Logger;

/**
 * Names set under {@code beacon.} that no setting has, such as {@code beacon.max-bodysize}: a misspelt setting would
 * otherwise be ignored, and what it meant to change stay as it was. Said once, when the application starts, with the
 * setting nearest to it, every one in one line; or, with {@value BeaconConfig#UNKNOWN_SETTINGS}{@code =fail}, the deployment fails with it.
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
     * @throws IllegalArgumentException naming every unknown name, when the application chose to fail
     */
    public static void check(BeaconSettings settings, BeaconConfig config) {
        List<String> unknown = settings.unknown("beacon.",
                name -> BeaconConfig.NAMES.contains(name) || name.startsWith(OTHER_MODULES), BeaconConfig.NAMES, "a setting of the beacon library");
        if (unknown.isEmpty()) {
            return;
        }
        String said = String.join(" ", unknown);
        if (config.unknownSettingsFail()) {
            throw new IllegalArgumentException(said);
        }
        LOGGER.warning(() -> said + (unknown.size() == 1 ? " It is" : " They are") + " ignored; " + BeaconConfig.UNKNOWN_SETTINGS
                + "=fail fails the deployment instead.");
    }
}
