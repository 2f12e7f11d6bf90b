package dev.beacon.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.testing.RecordingObservers;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BeaconObserverCheckTest {

    private final Logger logger = Logger.getLogger(BeaconObserverCheck.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        logger.addHandler(handler);
    }

    @AfterEach
    void release() {
        logger.removeHandler(handler);
    }

    @Test
    void warnsAtDeploymentWhenNoObserverReceivesBeacons() {
        BeaconObserverCheck check = new BeaconObserverCheck();
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(check).addBeanClass(Unrelated.class).initialize()) {
            assertEquals(0, check.observerCount());
            assertTrue(records.stream().anyMatch(record -> record.getLevel() == Level.WARNING
                    && record.getMessage().contains("No observer method receives Beacon events")), records::toString);
        }
    }

    @Test
    void countsObserversAndStaysQuietWhenThereAreSome() {
        BeaconObserverCheck check = new BeaconObserverCheck();
        try (WeldContainer weld = new Weld().disableDiscovery().addExtension(check).addBeanClass(RecordingObservers.class).initialize()) {
            assertEquals(3, check.observerCount());
            assertTrue(records.stream().noneMatch(record -> record.getLevel() == Level.WARNING), records::toString);
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    static class Unrelated {
    }
}
