package dev.beacon.core.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.core.admission.Admission;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.delivery.BeaconDelivery;
import dev.beacon.testing.Polling;
import dev.beacon.testing.TestContainer;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * Where MicroProfile Health is present (here, its API on the test's class path), the library adds a
 * readiness check that is DOWN exactly while admission refuses beacons for want of room.
 */
class BeaconReadinessTest {

    @Test
    void isDownWhileEveryPlaceIsTakenAndUpOnceOneIsGivenBack() throws Exception {
        try (TestContainer container = TestContainer.start()) {
            BeanManager beanManager = container.bean(BeanManager.class);
            HealthCheck readiness = beanManager.createInstance().select(HealthCheck.class, Readiness.Literal.INSTANCE).get();
            BeaconDelivery delivery = new BeaconDelivery(() -> beanManager, new InFlightBudget(1, Long.MAX_VALUE), Duration.ZERO, false);
            assertTrue(delivery.isReady());

            assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
            Beacon beacon = Beacon.builder("default", "/beacon").body(new byte[10]).build();
            Admission.Ticket ticket = delivery.reserve(beacon);
            assertEquals(InFlightBudget.Reservation.TAKEN, ticket.outcome());
            HealthCheckResponse full = readiness.call();
            assertEquals(HealthCheckResponse.Status.DOWN, full.getStatus());
            assertEquals("beacon", full.getName());
            assertEquals(1L, full.getData().orElseThrow().get("inFlight"));

            delivery.deliver(ticket);
            Polling.until("the place given back", delivery::inFlight, inFlight -> inFlight == 0, Duration.ofSeconds(10));
            assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        }
    }
}
