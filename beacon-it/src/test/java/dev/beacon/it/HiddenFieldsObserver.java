package dev.beacon.it;

import dev.beacon.BeaconEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Added by {@link NewcomerMistakesIT}: an observer of endpoint {@code hidden} as a class written the way a JPA entity
 * is, private fields and getters only, which JSON-B never sets.
 */
@ApplicationScoped
public class HiddenFieldsObserver {

    void onVital(@Observes @BeaconEndpoint("hidden") Vital vital) {
        // the deployment's warning is what the test reads
    }

    /** Private fields and getters, no setters. */
    public static class Vital {
        private String name;
        private double value;

        public String getName() {
            return name;
        }

        public double getValue() {
            return value;
        }
    }
}
