package dev.beacon.intake;

import dev.beacon.Beacon;
import dev.beacon.BeaconStatistics;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.util.logging.Logger;

/**
 * The library's CDI integration: adds its one bean, {@link BeaconStatistics} (the jars carry no
 * {@code beans.xml}, so it is not discovered twice), and warns at deployment when no observer method
 * receives {@link Beacon} events: the beacons would be answered {@code 204} and then dropped, which is
 * never what an application that adds this library wants.
 */
public class BeaconExtension implements Extension {

    private static final Logger LOGGER = Logger.getLogger(BeaconExtension.class.getName());

    private int observers;

    void addStatistics(@Observes BeforeBeanDiscovery discovery) {
        discovery.addAnnotatedType(BeaconStatistics.class, BeaconStatistics.class.getName());
    }

    void countObserver(@Observes ProcessObserverMethod<Beacon, ?> observer) {
        observers++;
    }

    void warnWithoutObservers(@Observes AfterDeploymentValidation validation) {
        if (observers == 0) {
            LOGGER.warning("No observer method receives Beacon events in this application: every beacon will be"
                    + " answered 204 and dropped. Add one, e.g. 'void onBeacon(@Observes Beacon beacon)' in a CDI bean.");
        } else {
            LOGGER.fine(() -> observers + " observer method(s) receive Beacon events");
        }
    }

    /**
     * @return how many observer methods receive {@link Beacon} events
     */
    public int observerCount() {
        return observers;
    }
}
