package dev.beacon.testing;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A synchronous observer of endpoint {@value #ENDPOINT} that blocks until the test opens its gate.
 */
@ApplicationScoped
public class SlowObserver {

    public static final String ENDPOINT = "slow";

    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch gate = new CountDownLatch(1);

    public void reset() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    public boolean awaitEntered() throws InterruptedException {
        return entered.await(10, TimeUnit.SECONDS);
    }

    public boolean isHolding() {
        return gate.getCount() > 0;
    }

    public void open() {
        gate.countDown();
    }

    void hold(@Observes @BeaconEndpoint(ENDPOINT) Beacon beacon) throws InterruptedException {
        entered.countDown();
        gate.await(30, TimeUnit.SECONDS);
    }
}
