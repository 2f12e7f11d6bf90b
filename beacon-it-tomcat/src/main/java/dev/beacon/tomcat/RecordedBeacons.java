package dev.beacon.tomcat;

import dev.beacon.Beacon;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The application's observer: what a Tomcat application with Weld writes to receive beacons. */
@ApplicationScoped
public class RecordedBeacons {

    private final List<Beacon> received = new CopyOnWriteArrayList<>();

    void record(@Observes Beacon beacon) {
        received.add(beacon);
    }

    /** @return every beacon received, oldest first */
    public List<Beacon> all() {
        return List.copyOf(received);
    }
}
