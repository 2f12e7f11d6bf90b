package dev.beacon.it;

import dev.beacon.Beacon;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Added by {@link DeploymentRefusalsIT}: an application observes beacons, or it would not carry
 * the library.
 */
@ApplicationScoped
public class ResourceOnlyObserver {

    void onBeacon(@Observes Beacon beacon) {
        // receiving is all this application does
    }
}
