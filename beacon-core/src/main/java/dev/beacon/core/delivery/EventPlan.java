package dev.beacon.core.delivery;

import dev.beacon.Beacon;
import dev.beacon.BeaconSink;
import dev.beacon.core.cdi.ObservedEndpoints;
import dev.beacon.core.observe.BeaconCounters;
import dev.beacon.core.observe.LogText;
import dev.beacon.core.rollup.ReportRollups;
import dev.beacon.report.CspViolation;
import dev.beacon.report.Report;
import dev.beacon.report.ReportReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The events an accepted beacon makes, in the order its observers receive them: the {@link Beacon} itself; each
 * {@link Report} it holds, when the endpoint's reports are observed (those left out of their batch counted and
 * logged, the CSP violations that browser extensions caused, that their own policy allows or that an ignore rule
 * matches left out and counted when so configured, and those sampled out only counted in their
 * {@link ReportRollups rollups}: {@link ReportRules}); then the beacon bound to each
 * application class observed at its endpoint ({@link Beacon#as(Class)}).
 */
public final class EventPlan {

    private static final Logger LOGGER = Logger.getLogger(EventPlan.class.getName());

    /** The observers key of every endpoint no observer names. */
    private static final String UNNAMED = "";

    private final ObservedEndpoints observed;
    private final BeaconCounters statistics;
    private final ReportRules rules;
    private final Set<String> reportedCauses = ConcurrentHashMap.newKeySet();
    private final UnobservedEndpoints unobserved;
    private final List<BeaconSink> sinks;

    /**
     * @param observed what the observers of the application observe; {@code null} where the container skipped the
     *        library's extension: then every beacon is read for reports, and binds to nothing
     * @param statistics where left-out reports are counted
     * @param rules the violations left out, and which of the reports left are delivered one by one
     * @param listedEndpoints the endpoints the application lists for its sinks and its observers of every endpoint
     * @param sinks the application's sinks, which may take endpoints by name
     */
    EventPlan(ObservedEndpoints observed, BeaconCounters statistics, ReportRules rules, Set<String> listedEndpoints,
              List<BeaconSink> sinks) {
        this.observed = observed;
        this.sinks = sinks;
        this.unobserved = new UnobservedEndpoints(listedEndpoints);
        this.statistics = statistics;
        this.rules = rules;
    }

    /**
     * @param beacon an accepted beacon
     * @return its events, the beacon first
     */
    List<Object> eventsOf(Beacon beacon) {
        List<Class<?>> payloadTypes = payloadTypesOf(beacon.endpoint());
        boolean readReports = observed == null || rules.readEveryEndpoint() || observed.hasReportObservers(beacon.endpoint());
        if (!readReports && payloadTypes.isEmpty()) {
            return List.of(beacon); // nearly every beacon: nothing to build
        }
        List<Object> events = new ArrayList<>();
        events.add(beacon);
        if (readReports) {
            events.addAll(reportsOf(beacon));
        }
        for (Class<?> type : payloadTypes) {
            events.add(beacon.as(type)); // bound before the 204: kept in the beacon
        }
        return events;
    }

    /**
     * @param endpoint an endpoint name
     * @return the application classes observed at that endpoint, which its beacons must bind to
     */
    List<Class<?>> payloadTypesOf(String endpoint) {
        return observed == null ? List.of() : observed.payloadTypesOf(endpoint);
    }

    /**
     * @return the endpoint names observers' qualifiers name; none where the container did not tell them
     */
    Set<String> namedEndpoints() {
        return observed == null ? Set.of() : observed.named();
    }

    /**
     * @param endpoint an endpoint name
     * @return whether a sink takes it by name; asked of the sinks each time, since a sink may learn its names only
     *         once the application has started (the Kafka sink, from its settings)
     */
    boolean isTakenBySink(String endpoint) {
        for (BeaconSink sink : sinks) {
            if (sink.endpoints().contains(endpoint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param endpoint an endpoint name
     * @return the key its observers are resolved under: the endpoint when an observer names it, and one for all others
     */
    String observersKeyOf(String endpoint) {
        return observed != null && !observed.isNamed(endpoint) ? UNNAMED : endpoint;
    }

    /**
     * @param endpoint a beacon's endpoint
     * @return whether its arrival may be news to say: no observer names its endpoint while observers name others, and
     *         it was not said or settled yet ({@link UnobservedEndpoints})
     */
    boolean wouldSayUnobserved(String endpoint) {
        return observed != null && !observed.isNamed(endpoint) && unobserved.wouldSay(endpoint, observed.named());
    }

    /**
     * Says, once per endpoint, that a beacon reached no observer, or only the observers of every endpoint at an endpoint
     * nothing names; only where {@link #wouldSayUnobserved} said it may.
     *
     * @param beacon a beacon to an endpoint no observer names
     * @param reachedAnObserver whether an observer of every endpoint receives it
     */
    void unobservedArrived(Beacon beacon, boolean reachedAnObserver) {
        unobserved.arrived(beacon.endpoint(), observed.named(), reachedAnObserver, isTakenBySink(beacon.endpoint()));
    }

    /**
     * @return whether the observers' keys are the few names observers use, so that their resolution can be kept
     */
    boolean knowsObservedEndpoints() {
        return observed != null;
    }

    /** @return whether the rules leave the report out; if so, it is counted as they say */
    private boolean isLeftOut(Report report) {
        if (!(report instanceof CspViolation violation)) {
            return false;
        }
        if (rules.dropExtensionViolations() && violation.isCausedByBrowserExtension()) {
            statistics.countExtensionReportDropped();
            return true;
        }
        if (rules.dropImpossibleViolations() && violation.isAllowedByItsPolicy()) {
            statistics.countImpossibleReportDropped();
            return true;
        }
        Optional<String> rule = rules.ignore().ruleFor(violation);
        rule.ifPresent(statistics::countIgnoredReport);
        return rule.isPresent();
    }

    private List<Report> reportsOf(Beacon beacon) {
        ReportReader.Reports read = ReportReader.read(beacon);
        for (String cause : read.malformed()) {
            statistics.countMalformedReport();
            // Once per cause: the causes are the reader's few fixed phrases, never the client's text.
            if (reportedCauses.add(cause)) {
                LOGGER.warning(() -> "A beacon to endpoint " + LogText.escape(beacon.endpoint()) + " held " + cause
                        + "; it was left out, and the batch's other reports delivered. Counted in BeaconStatistics.malformedReports(),"
                        + " and logged once per cause.");
            }
        }
        if (rules.deliverAll()) {
            return read.reports();
        }
        List<Report> reports = new ArrayList<>(read.reports().size());
        for (Report report : read.reports()) {
            if (isLeftOut(report)) {
                continue;
            }
            ReportRollups.Placement placement = rules.rollups().place(report);
            if (placement.overflowed()) {
                statistics.countReportOverflowed();
            }
            if (placement.deliversOneByOne()) {
                reports.add(report);
            } else {
                statistics.countReportSampledOut();
            }
        }
        return reports;
    }
}
