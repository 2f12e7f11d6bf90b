package dev.beacon.core.cdi;

import dev.beacon.Beacon;
import dev.beacon.report.Report;
import dev.beacon.report.ReportRollup;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the application's observers observe, as {@link BeaconExtension} recorded it at deployment, and fixed from then
 * on: the endpoint names their {@link dev.beacon.BeaconEndpoint} qualifiers name, the endpoints whose reports they
 * receive, and the application classes they receive an endpoint's beacons as. Read for every beacon, so held as a
 * value of its own rather than asked of the extension through the container's proxy.
 *
 * @param named the endpoint names qualifiers name
 * @param withReports the endpoints whose reports an observer receives
 * @param reportsEverywhere whether an observer receives the reports of every endpoint
 * @param payloadTypes the application classes observed at each endpoint
 */
public record ObservedEndpoints(Set<String> named, Set<String> withReports, boolean reportsEverywhere, Map<String, List<Class<?>>> payloadTypes) {

    public ObservedEndpoints {
        named = Set.copyOf(named);
        withReports = Set.copyOf(withReports);
        payloadTypes = Map.copyOf(payloadTypes);
    }

    /**
     * @param endpoint an endpoint name
     * @return whether an observer's {@link dev.beacon.BeaconEndpoint} qualifier names it: the beacons of every
     *         endpoint no qualifier names reach the same observers
     */
    public boolean isNamed(String endpoint) {
        return named.contains(endpoint);
    }

    /**
     * @param endpoint an endpoint name
     * @return whether an observer of {@link dev.beacon.report.Report} or one of its types receives the endpoint's
     *         reports: only then are its beacons read for reports
     */
    public boolean hasReportObservers(String endpoint) {
        return reportsEverywhere || withReports.contains(endpoint);
    }

    /**
     * @param endpoint an endpoint name
     * @return the application's classes that observers qualified with the endpoint receive its beacons as, e.g.
     *         {@code WebVital} for {@code @Observes @BeaconEndpoint("vitals") WebVital}; empty for most endpoints
     */
    public List<Class<?>> payloadTypesOf(String endpoint) {
        return payloadTypes.getOrDefault(endpoint, List.of());
    }

    /**
     * @param observed the type an observer qualified with an endpoint observes
     * @return whether it asks for the beacon bound to a type of the application's: anything but {@code Object},
     *         {@link dev.beacon.Beacon} and the reports, which the library fires as they are
     */
    static boolean isPayloadType(Type observed) {
        return observed != Object.class && observed != Beacon.class && !isReportEvent(observed);
    }

    /**
     * @param observed a type an observer observes
     * @return whether it is a report type or a report rollup: its observers need the endpoint's reports read
     */
    static boolean isReportEvent(Type observed) {
        return observed == ReportRollup.class || observed instanceof Class<?> type && Report.class.isAssignableFrom(type);
    }
}
