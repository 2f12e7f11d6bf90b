package dev.beacon.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.testing.LogRecords;
import dev.beacon.testing.RecordingObservers;
import java.util.List;
import java.util.logging.Level;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BeaconExtensionTest {

    private LogRecords records;

    @BeforeEach
    void capture() {
        records = LogRecords.of(BeaconExtension.class);
    }

    @AfterEach
    void release() {
        records.close();
    }

    @Test
    void warnsAtDeploymentWhenNoObserverReceivesBeacons() {
        BeaconExtension check = new BeaconExtension();
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(check).addBeanClass(Unrelated.class).initialize()) {
            assertEquals(0, check.observerCount());
            assertTrue(records.at(Level.WARNING).stream().anyMatch(message -> message.contains("No observer method receives Beacon events")),
                    records::toString);
        }
    }

    @Test
    void countsObserversAndStaysQuietWhenThereAreSome() {
        BeaconExtension check = new BeaconExtension();
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(check).addBeanClass(RecordingObservers.class).initialize()) {
            assertEquals(3, check.observerCount());
            assertEquals(List.of(), records.at(Level.WARNING));
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class Unrelated {
    }
}
