package dev.beacon.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.core.runtime.BeaconRuntime;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/**
 * Where no initializer built the application's intake at startup (a container that skips library
 * initializers), the first beacons build it, and however many race, there is one: one set of settings,
 * one in-flight budget.
 */
class BeaconRuntimeRaceTest {

    private static final int RACERS = 16;

    @Test
    void firstBeaconsRacingBuildOneIntakeForTheApplication() throws Exception {
        Server server = new Server();
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/app");
        server.setHandler(context);
        server.start();
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try {
            ServletContext application = context.getServletContext();
            CountDownLatch ready = new CountDownLatch(RACERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<BeaconRuntime>> built = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                built.add(racers.submit(() -> {
                    ready.countDown();
                    go.await();
                    return BeaconRuntime.of(application);
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();

            Map<BeaconRuntime, Boolean> distinct = new IdentityHashMap<>();
            for (Future<BeaconRuntime> each : built) {
                distinct.put(each.get(10, TimeUnit.SECONDS), true);
            }
            assertEquals(1, distinct.size());
        } finally {
            racers.shutdownNow();
            server.stop();
        }
    }
}
