package dev.beacon.demo;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.report.Report;
import dev.beacon.report.ReportRollup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

/**
 * The demo's observers: they log each reception, as the seed's server does, and keep the last
 * {@value #KEPT} beacons or reports each observer received, for the page and for the tests.
 */
@ApplicationScoped
public class ReceivedBeacons {

    static final int KEPT = 1000;

    private static final Logger LOGGER = Logger.getLogger(ReceivedBeacons.class.getName());

    private final Deque<Beacon> synchronous = new ArrayDeque<>();
    private final Deque<Beacon> asynchronous = new ArrayDeque<>();
    private final Deque<Beacon> csp = new ArrayDeque<>();
    private final Deque<Report> reports = new ArrayDeque<>();
    private final Deque<WebVital> vitals = new ArrayDeque<>();
    private final Deque<ReportRollup> rollups = new ArrayDeque<>();

    void onBeacon(@Observes Beacon beacon) {
        LOGGER.info(() -> "Beacon received at " + beacon.receivedAt() + ": endpoint " + beacon.endpoint()
                + ", " + beacon.size() + " bytes, " + beacon.contentType().map(Object::toString).orElse("no Content-Type"));
        keep(synchronous, beacon);
    }

    void onBeaconAsync(@ObservesAsync Beacon beacon) {
        keep(asynchronous, beacon);
    }

    void onCspReport(@Observes @BeaconEndpoint("csp") Beacon report) {
        keep(csp, report);
    }

    /** Every report of every type, from the CSP pages' {@code report-uri} and {@code report-to} alike. */
    void onReport(@Observes Report report) {
        LOGGER.info(() -> "Report received: " + report);
        keep(reports, report);
    }

    /** Each fault's count, once per window of {@code beacon.reports.rollup-window}, from every endpoint. */
    void onRollup(@ObservesAsync ReportRollup rollup) {
        LOGGER.info(() -> "Report rollup: " + rollup.fingerprint() + " x" + rollup.count() + " at endpoint " + rollup.endpoint());
        keep(rollups, rollup);
    }

    /** Every beacon to endpoint {@code vitals}, bound to the record by the library: no parsing here. */
    void onVital(@Observes @BeaconEndpoint("vitals") WebVital vital) {
        LOGGER.info(() -> "Web vital received: " + vital);
        keep(vitals, vital);
    }

    /**
     * @return the web vitals received, oldest first
     */
    List<WebVital> vitals() {
        synchronized (vitals) {
            return List.copyOf(vitals);
        }
    }

    /**
     * @return the report rollups received, oldest first
     */
    List<ReportRollup> rollups() {
        synchronized (rollups) {
            return List.copyOf(rollups);
        }
    }

    /**
     * @return the reports received, oldest first
     */
    List<Report> reports() {
        synchronized (reports) {
            return List.copyOf(reports);
        }
    }

    /**
     * @param log {@code all} (what {@code @Observes Beacon} received), {@code async}, or {@code csp}
     * @return that log, oldest first; empty for an unknown name
     */
    List<Beacon> log(String log) {
        Deque<Beacon> beacons = switch (log) {
            case "all" -> synchronous;
            case "async" -> asynchronous;
            case "csp" -> csp;
            default -> new ArrayDeque<>();
        };
        synchronized (beacons) {
            return List.copyOf(beacons);
        }
    }

    void clear() {
        for (Deque<?> kept : List.of(synchronous, asynchronous, csp, reports, vitals)) {
            synchronized (kept) {
                kept.clear();
            }
        }
    }

    private static <T> void keep(Deque<T> kept, T received) {
        synchronized (kept) {
            if (kept.size() == KEPT) {
                kept.removeFirst();
            }
            kept.addLast(received);
        }
    }
}
