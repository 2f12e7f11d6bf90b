package dev.beacon.core.observe;

import dev.beacon.BeaconStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Where the server has MicroProfile Metrics, publishes the application's {@link BeaconStatistics} as
 * gauges in its application registry when it starts ({@code beacon.accepted}, {@code beacon.delivered},
 * ...; {@code beacon_accepted} and so on at {@code /metrics}), and removes them when it stops. Added by
 * {@code BeaconExtension} only where the API is present.
 */
@ApplicationScoped
public class BeaconMetrics {

    private static final Logger LOGGER = Logger.getLogger(BeaconMetrics.class.getName());

    private final List<String> registered = new CopyOnWriteArrayList<>();

    /**
     * An {@code Instance}, not the registry itself: the API can be present where no implementation is (a
     * WAR that carries the API jar), and an unsatisfied injection point would fail the deployment.
     */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started, Instance<MetricRegistry> registries,
                  BeaconStatistics statistics) {
        if (!registries.isResolvable()) {
            LOGGER.fine("MicroProfile Metrics API without a registry: beacon counters not published as metrics");
            return;
        }
        MetricRegistry registry = registries.get();
        for (PublishedCounter counter : PublishedCounter.values()) {
            gauge(registry, statistics, counter.metricName(), counter.description(), counter::readFrom);
        }
        gauge(registry, statistics, "beacon.rejected", PublishedCounter.REJECTED + ", every status",
                counters -> counters.rejectedByStatus().values().stream().mapToLong(Long::longValue).sum());
    }

    /** Removed with the application: a gauge left behind would hold the stopped application's counters. */
    void unregister(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping, Instance<MetricRegistry> registries) {
        if (registries.isResolvable()) {
            registered.forEach(registries.get()::remove);
        }
        registered.clear();
    }

    private void gauge(MetricRegistry registry, BeaconStatistics statistics, String metric, String description,
                       Function<BeaconStatistics, Long> value) {
        try {
            registry.gauge(Metadata.builder().withName(metric).withDescription(description).build(), statistics, value);
            registered.add(metric);
        } catch (IllegalArgumentException taken) {
            // Another application on a server that shares one application registry: its gauges stay, ours are not published.
            LOGGER.log(Level.FINE, taken, () -> metric + " is registered already; not published for this application");
        }
    }
}
