package dev.beacon.it;

import dev.beacon.Beacon;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Added by {@link DeploymentRefusalsIT}: an observer that waits for a transaction to commit, which no beacon is
 * delivered within. The library refuses it at deployment rather than notify it at once, as CDI would.
 */
@ApplicationScoped
public class TransactionalObserver {

    void onBeacon(@Observes(during = TransactionPhase.AFTER_SUCCESS) Beacon beacon) {
        // never notified: the deployment is refused
    }
}
