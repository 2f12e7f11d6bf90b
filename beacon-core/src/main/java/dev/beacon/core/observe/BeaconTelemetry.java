package dev.beacon.core.observe;

import dev.beacon.BeaconStatistics;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the application has an {@link OpenTelemetry} bean (MicroProfile Telemetry provides one; WildFly's
 * MicroProfile configuration has it), publishes the application's {@link BeaconStatistics} as asynchronous
 * instruments of the meter {@code dev.beacon} when it starts ({@code beacon.accepted}, {@code beacon.in_flight},
 * {@code beacon.rejected} by {@code http.response.status_code}, ...), and closes them when it stops. Nothing
 * is exported unless the application enables the SDK ({@code otel.sdk.disabled=false}): until then the bean
 * is a no-op. Added by {@code BeaconExtension} only where the API is present.
 */
@ApplicationScoped
public class BeaconTelemetry {

    private static final Logger LOGGER = Logger.getLogger(BeaconTelemetry.class.getName());
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    private final List<AutoCloseable> instruments = new CopyOnWriteArrayList<>();

    /**
     * An {@code Instance}, not the bean itself: the API can be present where nothing provides the bean (a
     * WAR that carries the API jar), and an unsatisfied injection point would fail the deployment.
     */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started, Instance<OpenTelemetry> telemetry,
                  BeaconStatistics statistics) {
        if (!telemetry.isResolvable()) {
            LOGGER.fine("OpenTelemetry API without an OpenTelemetry bean: beacon counters not published as instruments");
            return;
        }
        Meter meter = telemetry.get().getMeter("dev.beacon");
        for (PublishedCounter counter : PublishedCounter.values()) {
            publish(counter.instrumentName(), () -> instrument(meter, counter, statistics));
        }
        publish("beacon.rejected", () -> meter.counterBuilder("beacon.rejected").setUnit("{request}")
                .setDescription(PublishedCounter.REJECTED + ", by status")
                .buildWithCallback(measurement -> statistics.rejectedByStatus()
                        .forEach((status, count) -> measurement.record(count, Attributes.of(STATUS, status.longValue())))));
    }

    /** Closed with the application: an instrument left behind would report the stopped application's counters. */
    void close(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        for (AutoCloseable instrument : instruments) {
            try {
                instrument.close();
            } catch (Exception e) {
                LOGGER.log(Level.FINE, "An OpenTelemetry instrument did not close", e);
            }
        }
        instruments.clear();
    }

    private static AutoCloseable instrument(Meter meter, PublishedCounter counter, BeaconStatistics statistics) {
        Consumer<ObservableLongMeasurement> reading = measurement -> measurement.record(counter.readFrom(statistics));
        if (counter.isMonotonic()) {
            return meter.counterBuilder(counter.instrumentName()).setUnit(counter.unit()).setDescription(counter.description())
                    .buildWithCallback(reading);
        }
        return meter.upDownCounterBuilder(counter.instrumentName()).setUnit(counter.unit()).setDescription(counter.description())
                .buildWithCallback(reading);
    }

    private void publish(String name, InstrumentBuilder builder) {
        try {
            instruments.add(builder.build());
        } catch (RuntimeException e) {
            // An SDK that refuses an instrument must not stop the application, nor the other instruments.
            LOGGER.log(Level.FINE, e, () -> name + " could not be registered as an OpenTelemetry instrument");
        }
    }

    @FunctionalInterface
    private interface InstrumentBuilder {
        AutoCloseable build();
    }
}
