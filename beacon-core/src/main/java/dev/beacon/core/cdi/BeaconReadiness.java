package dev.beacon.core.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Where the server has MicroProfile Health, reports the application DOWN for readiness while beacons are
 * refused with {@code 503} for want of room ({@value dev.beacon.core.settings.BeaconConfig#MAX_IN_FLIGHT} or
 * {@value dev.beacon.core.settings.BeaconConfig#MAX_IN_FLIGHT_BYTES} reached, or a {@link dev.beacon.BeaconSink} full), so
 * that a load balancer sends beacons to another node meanwhile. Added by {@code BeaconExtension} only where the API is present.
 */
@Readiness
@ApplicationScoped
class BeaconReadiness implements HealthCheck {

    @Inject
    Deliveries deliveries;

    @Override
    public HealthCheckResponse call() {
        // The constructor, not the builder: the builder looks a provider up, which not every server registers.
        return new HealthCheckResponse("beacon", deliveries.isAnyFull() ? HealthCheckResponse.Status.DOWN : HealthCheckResponse.Status.UP,
                Optional.of(Map.of("inFlight", (long) deliveries.inFlight())));
    }
}
