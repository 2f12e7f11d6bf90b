package dev.beacon.it;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Added to the deployment by the tests: a synchronous observer of endpoint {@value #ENDPOINT} that holds
 * until {@link GateServlet} opens its gate, to prove the browser's 204 does not wait for it.
 */
@ApplicationScoped
public class GatedObserver {

    static final String ENDPOINT = "gated";

    private final AtomicInteger entered = new AtomicInteger();
    private volatile CountDownLatch firstEntered = new CountDownLatch(1);
    private volatile CountDownLatch gate = new CountDownLatch(1);

    void hold(@Observes @BeaconEndpoint(ENDPOINT) Beacon beacon) throws InterruptedException {
        entered.incrementAndGet();
        firstEntered.countDown();
        gate.await(30, TimeUnit.SECONDS);
    }

    int entered() {
        return entered.get();
    }

    /**
     * @return whether a beacon entered since the last reset, waiting up to {@code seconds} for one
     */
    boolean awaitEntered(int seconds) throws InterruptedException {
        return firstEntered.await(seconds, TimeUnit.SECONDS);
    }

    boolean holding() {
        return gate.getCount() > 0;
    }

    void open() {
        gate.countDown();
    }

    void reset() {
        gate.countDown();
        entered.set(0);
        firstEntered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }
}
