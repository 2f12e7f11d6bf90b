package dev.beacon.it;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Added to the deployment by the tests: a synchronous observer of endpoint {@value #ENDPOINT} that counts each beacon
 * in a {@code @RequestScoped} bean, and keeps what the count was, which is {@code 1} wherever each beacon had a request
 * context of its own. {@link RequestScopeServlet} tells the counts.
 */
@ApplicationScoped
public class RequestScopedObserver {

    static final String ENDPOINT = "request-scoped";

    private final List<Integer> countsSeen = new ArrayList<>();

    @Inject
    Visits visits;

    void count(@Observes @BeaconEndpoint(ENDPOINT) Beacon beacon) {
        int count = visits.increment();
        synchronized (countsSeen) {
            countsSeen.add(count);
            countsSeen.notifyAll();
        }
    }

    /**
     * @return the counts seen, once that many beacons were counted or the patience ran out
     */
    List<Integer> awaitCounts(int beacons, long patienceMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + patienceMillis;
        synchronized (countsSeen) {
            for (long left = patienceMillis; countsSeen.size() < beacons && left > 0; left = deadline - System.currentTimeMillis()) {
                countsSeen.wait(left);
            }
            return List.copyOf(countsSeen);
        }
    }

    /** What one request counts. */
    @RequestScoped
    public static class Visits {
        private int count;

        int increment() {
            return ++count;
        }
    }
}
