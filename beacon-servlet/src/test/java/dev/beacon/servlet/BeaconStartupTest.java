package dev.beacon.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.testing.RecordingSink;
import dev.beacon.testing.TestContainer;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * The library finds the application's container when the application starts, not when its first beacon comes: what
 * readiness says is true from the first second, so a balancer never sends the first beacons to a node whose sink
 * cannot take them.
 */
class BeaconStartupTest {

    @Test
    void readinessIsDownFromTheStartWhileASinkHasNoRoomBeforeAnyBeacon() throws Exception {
        try (TestContainer container = TestContainer.start()) {
            RecordingSink sink = container.bean(RecordingSink.class);
            sink.full(true); // a Kafka sink whose broker is away when the application starts
            try (JettyApp app = JettyApp.start(Map.of(), context -> { })) {
                assertEquals(HealthCheckResponse.Status.DOWN, readiness(container).getStatus(), "no beacon has come yet");

                sink.full(false);

                assertEquals(HealthCheckResponse.Status.UP, readiness(container).getStatus());
            } finally {
                sink.full(false);
            }
        }
    }

    private static HealthCheckResponse readiness(TestContainer container) {
        BeanManager beanManager = container.bean(BeanManager.class);
        return beanManager.createInstance().select(HealthCheck.class, Readiness.Literal.INSTANCE).get().call();
    }
}
