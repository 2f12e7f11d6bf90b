package dev.beacon.testing;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.report.Report;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

/**
 * Observers as an application writes them: every beacon synchronously and asynchronously, the
 * {@code csp} endpoint's beacons through its qualifier, every report, and the {@code vitals} endpoint's
 * beacons bound to {@link WebVital}.
 */
@ApplicationScoped
public class RecordingObservers {

    private final Recording<Beacon> sync = new Recording<>(Beacon::endpoint);
    private final Recording<Beacon> async = new Recording<>(Beacon::endpoint);
    private final Recording<Beacon> csp = new Recording<>(Beacon::endpoint);
    private final Recording<Report> reports = new Recording<>(Report::endpoint);
    private final Recording<WebVital> vitals = new Recording<>(WebVital::id);

    /** @return every beacon, received by an {@code @Observes} observer */
    public Recording<Beacon> sync() {
        return sync;
    }

    /** @return every beacon, received by an {@code @ObservesAsync} observer */
    public Recording<Beacon> async() {
        return async;
    }

    /** @return the {@code csp} endpoint's beacons, received by an {@code @Observes @BeaconEndpoint("csp")} observer */
    public Recording<Beacon> csp() {
        return csp;
    }

    /** @return every report, of every type, received by an {@code @Observes} observer of {@link Report} */
    public Recording<Report> reports() {
        return reports;
    }

    /** @return the {@code vitals} endpoint's beacons, bound to {@link WebVital}, by the page id they carry */
    public Recording<WebVital> vitals() {
        return vitals;
    }

    void onBeacon(@Observes Beacon beacon) {
        sync.add(beacon);
    }

    void onBeaconAsync(@ObservesAsync Beacon beacon) {
        async.add(beacon);
    }

    void onCspReport(@Observes @BeaconEndpoint("csp") Beacon beacon) {
        csp.add(beacon);
    }

    void onReport(@Observes Report report) {
        reports.add(report);
    }

    void onVital(@Observes @BeaconEndpoint("vitals") WebVital vital) {
        vitals.add(vital);
    }
}
