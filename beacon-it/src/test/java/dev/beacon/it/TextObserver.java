package dev.beacon.it;

import dev.beacon.BeaconEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Added by {@link DeploymentRefusalsIT}: an observer that asks for a beacon's body as a {@code String}, which the library
 * cannot bind a beacon to. Deployed, it would turn every beacon to its endpoint into a {@code 400}; the library
 * refuses it at deployment instead, saying to observe {@code Beacon} and read {@code text()}.
 */
@ApplicationScoped
public class TextObserver {

    void onVital(@Observes @BeaconEndpoint("vitals") String body) {
        // never notified: the deployment is refused
    }
}
