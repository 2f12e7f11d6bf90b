package dev.beacon.it;

import dev.beacon.BeaconEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Added by {@link DeploymentRefusalsIT}: observers that ask for an endpoint's beacons as types the library cannot bind
 * a beacon to, each a mistake a newcomer makes. Deployed, a {@code String} observer would turn every beacon to its
 * endpoint into a {@code 400}, and a {@code Map} one would never be notified; the library refuses each at deployment
 * instead, naming its method and saying to observe {@code Beacon} and read {@code text()}.
 */
@ApplicationScoped
public class UnbindableObservers {

    void onText(@Observes @BeaconEndpoint("vitals") String body) {
        // never notified: the deployment is refused, as for each of the others
    }

    void onFields(@Observes @BeaconEndpoint("vitals") Map<String, String> fields) {
    }

    void onValue(@Observes @BeaconEndpoint("vitals") double value) {
    }

    void onMetric(@Observes @BeaconEndpoint("vitals") Metric metric) {
    }

    void onSample(@Observes @BeaconEndpoint("vitals") Sample sample) {
    }

    /** An interface of the application's, which JSON-B cannot construct. */
    public interface Metric {
        String name();
    }

    /** A class JSON-B cannot construct: no constructor without arguments, none marked {@code @JsonbCreator}. */
    public static final class Sample {
        private final String name;

        public Sample(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }
    }
}
