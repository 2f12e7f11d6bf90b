package dev.beacon.jaxrs;

import dev.beacon.BeaconConfig;
import dev.beacon.intake.BeaconDelivery;
import dev.beacon.intake.BeaconIntake;
import dev.beacon.intake.BeaconSettings;
import jakarta.servlet.ServletContext;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The intake of the application the resource runs in, built on its first request. A resource instance
 * lives for one request; rebuilding the intake each time would re-read the settings and, worse, start
 * a fresh in-flight bound per beacon, which is no bound at all.
 * <p>
 * Keyed by the {@link ServletContext}, one per deployed application: RESTEasy injects a new
 * {@code Configuration} into every request, so that cannot be the key. The first JAX-RS
 * {@code Application} to receive a beacon supplies the {@code Application} properties.
 * <p>
 * An invalid setting throws {@link IllegalArgumentException}, naming the setting, on every request until fixed.
 */
final class ConfiguredIntake {

    private static final AtomicReference<ConfiguredIntake> CURRENT = new AtomicReference<>();

    private final ServletContext application;
    private final BeaconIntake intake;

    private ConfiguredIntake(ServletContext application, BeaconIntake intake) {
        this.application = application;
        this.intake = intake;
    }

    static BeaconIntake of(ServletContext application, Function<String, String> ownSettings) {
        ConfiguredIntake current = CURRENT.get();
        if (current != null && current.application == application) {
            return current.intake;
        }
        BeaconConfig config = BeaconConfig.from(BeaconSettings.layered(ownSettings));
        ConfiguredIntake built = new ConfiguredIntake(application, new BeaconIntake(config, BeaconDelivery.toCurrentContainer(config)));
        CURRENT.set(built);
        return built.intake;
    }
}
