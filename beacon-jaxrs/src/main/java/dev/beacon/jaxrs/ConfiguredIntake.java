package dev.beacon.jaxrs;

import dev.beacon.BeaconConfig;
import dev.beacon.intake.BeaconDelivery;
import dev.beacon.intake.BeaconIntake;
import dev.beacon.intake.BeaconSettings;
import jakarta.ws.rs.core.Configuration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The intake of the application the resource runs in, built on the first request and again only when
 * the JAX-RS configuration changes. A resource instance lives for one request, and reading and
 * validating the settings on every beacon would cost more than the beacon.
 * <p>
 * An invalid setting throws {@link IllegalArgumentException}, naming the setting, on every request until fixed.
 */
final class ConfiguredIntake {

    private static final AtomicReference<ConfiguredIntake> CURRENT = new AtomicReference<>();

    private final Configuration configuration;
    private final BeaconIntake intake;

    private ConfiguredIntake(Configuration configuration, BeaconIntake intake) {
        this.configuration = configuration;
        this.intake = intake;
    }

    static BeaconIntake of(Configuration configuration, Function<String, String> ownSettings) {
        ConfiguredIntake current = CURRENT.get();
        if (current != null && current.configuration == configuration) {
            return current.intake;
        }
        BeaconConfig config = BeaconConfig.from(BeaconSettings.layered(ownSettings));
        ConfiguredIntake built = new ConfiguredIntake(configuration, new BeaconIntake(config, BeaconDelivery.toCurrentContainer(config.maxInFlight())));
        CURRENT.set(built);
        return built.intake;
    }
}
