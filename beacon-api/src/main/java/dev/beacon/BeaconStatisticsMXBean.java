package dev.beacon;

import java.util.Map;

/**
 * {@link BeaconStatistics} as JMX publishes it, one per application, under
 * {@code dev.beacon:type=BeaconStatistics,context="/shop"} (the application's context path; {@code "/"}
 * for the root application): what JConsole, VisualVM, a JMX exporter or the server's own monitoring
 * read. Registered when the application starts, unregistered when it stops. Before the first beacon
 * reaches the application every counter reads zero.
 */
public interface BeaconStatisticsMXBean {

    /**
     * @return see {@link BeaconStatistics#accepted()}
     */
    long getAccepted();

    /**
     * @return see {@link BeaconStatistics#delivered()}
     */
    long getDelivered();

    /**
     * @return see {@link BeaconStatistics#inFlight()}
     */
    long getInFlight();

    /**
     * @return see {@link BeaconStatistics#observerFailures()}
     */
    long getObserverFailures();

    /**
     * @return see {@link BeaconStatistics#malformedReports()}
     */
    long getMalformedReports();

    /**
     * @return see {@link BeaconStatistics#extensionReportsDropped()}
     */
    long getExtensionReportsDropped();

    /**
     * @return see {@link BeaconStatistics#duplicates()}
     */
    long getDuplicates();

    /**
     * @return see {@link BeaconStatistics#rejectedByStatus()}
     */
    Map<Integer, Long> getRejectedByStatus();
}
