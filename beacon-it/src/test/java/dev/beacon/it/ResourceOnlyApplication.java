package dev.beacon.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Added by {@link DeploymentRefusalsIT} to a WAR that takes beacons through the JAX-RS resource
 * only: it lists no classes, so the runtime publishes {@code BeaconResource}.
 */
@ApplicationPath("/api")
public class ResourceOnlyApplication extends Application {
}
