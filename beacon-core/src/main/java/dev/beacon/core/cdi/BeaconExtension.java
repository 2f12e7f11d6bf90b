package dev.beacon.core.cdi;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.BeaconSink;
import dev.beacon.BeaconStatistics;
import dev.beacon.core.observe.BeaconCounters;
import dev.beacon.core.observe.BeaconMetrics;
import dev.beacon.core.observe.BeaconTelemetry;
import dev.beacon.report.Report;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The library's CDI integration:
 * <ul>
 * <li>adds its beans: the application's {@link BeaconStatistics} and, where the server has MicroProfile Health,
 * Metrics or the OpenTelemetry API, a readiness check and the counters as gauges or instruments (the jar's
 * {@code beans.xml} excludes them all from discovery, so none is discovered twice or without its API);</li>
 * <li>warns at deployment when no observer method receives {@link Beacon}, {@link Report} or typed payload events
 * and no {@link BeaconSink} takes them: the beacons would be answered {@code 204} and then dropped, which is never
 * what an application that adds this library wants;</li>
 * <li>refuses at deployment, with the reason and the fix, an observer of beacons that the library cannot serve as it
 * promises ({@link ObserverRefusals}), and warns once of a payload class whose binding would surprise
 * ({@link SurprisingBindings});</li>
 * <li>records which endpoint names the observers' {@link BeaconEndpoint} qualifiers name, so that
 * the delivery's {@code EventPlan} resolves the observers of every other endpoint once, for all of them, and which
 * endpoints' reports are observed, so that the beacons of the others are never read for reports, and
 * which application classes observers qualified with an endpoint receive its beacons as (typed payloads);</li>
 * <li>holds the application's counters ({@link BeaconStatistics});</li>
 * <li>at shutdown, before the application's beans are destroyed, closes every delivery ({@link Drainable})
 * and waits for the beacons already accepted to reach their observers; those that cannot within the
 * shutdown timeout are logged with their count.</li>
 * </ul>
 */
public class BeaconExtension implements Extension {

    private static final Logger LOGGER = Logger.getLogger(BeaconExtension.class.getName());

    private int observers;
    private int sinks;
    private final Set<String> namedEndpoints = new HashSet<>();
    private final Set<String> reportEndpoints = new HashSet<>();
    private final Map<String, List<Class<?>>> payloadTypes = new HashMap<>();
    /** The payload classes already looked at for surprises, so that each is warned about once, however many observe it. */
    private final Set<Class<?>> warnedTypes = new HashSet<>();
    private boolean reportsForEveryEndpoint;
    /** Every observer refused, reported together once discovery ends, so that one deployment names every mistake. */
    private final List<String> refusals = new ArrayList<>();
    private final Deliveries deliveries = new Deliveries();
    private final BeaconCounters counters = new BeaconCounters();

    void addBeans(@Observes BeforeBeanDiscovery discovery) {
        if (ApiPresence.isPresent("org.eclipse.microprofile.health.HealthCheck")) {
            discovery.addAnnotatedType(BeaconReadiness.class, BeaconReadiness.class.getName());
        }
        if (ApiPresence.isPresent("org.eclipse.microprofile.metrics.MetricRegistry")) {
            discovery.addAnnotatedType(BeaconMetrics.class, BeaconMetrics.class.getName());
        }
        if (ApiPresence.isPresent("io.opentelemetry.api.OpenTelemetry")) {
            discovery.addAnnotatedType(BeaconTelemetry.class, BeaconTelemetry.class.getName());
        }
    }

    /**
     * The application's counters, as the read-only {@link BeaconStatistics}: the object itself, not a client proxy of
     * it, so that an application cannot reach the counting methods through a cast. And its deliveries, for readiness.
     */
    void addStatistics(@Observes AfterBeanDiscovery discovery) {
        discovery.addBean().beanClass(BeaconCounters.class).types(BeaconStatistics.class, Object.class).scope(Dependent.class)
                .createWith(context -> counters);
        discovery.addBean().beanClass(Deliveries.class).types(Deliveries.class, Object.class).scope(Dependent.class)
                .createWith(context -> deliveries);
    }

    /**
     * @return the application's counters
     */
    public BeaconCounters counters() {
        return counters;
    }

    /**
     * @return whether the application's admission now refuses beacons for want of room
     */
    public boolean isAdmissionFull() {
        return deliveries.isAnyFull();
    }

    /** Here rather than on each observer's event: Weld fails the deployment at the end of the first event with an error. */
    void refuseObserversTheLibraryCannotServe(@Observes AfterBeanDiscovery discovery) {
        refusals.forEach(refusal -> discovery.addDefinitionError(new DeploymentException(refusal)));
    }

    void countSink(@Observes ProcessBean<? extends BeaconSink> sink) {
        sinks++;
    }

    void countObserver(@Observes ProcessObserverMethod<Beacon, ?> observer) {
        observers++;
    }

    /** Any observed type: an observer of {@code Object} qualified with an endpoint receives its beacons too. */
    void recordNamedEndpoint(@Observes ProcessObserverMethod<?, ?> observer) {
        String named = null;
        for (Annotation qualifier : observer.getObserverMethod().getObservedQualifiers()) {
            if (qualifier instanceof BeaconEndpoint endpoint) {
                named = endpoint.value();
                namedEndpoints.add(named);
            }
        }
        Type observed = observer.getObserverMethod().getObservedType();
        if (named != null || observed == Beacon.class || ObservedEndpoints.isReportEvent(observed)) {
            Optional<String> refusal = ObserverRefusals.of(observer.getObserverMethod(), observer.getAnnotatedMethod(), named);
            if (refusal.isPresent()) {
                refusals.add(refusal.get());
                return;
            }
        }
        if (ObservedEndpoints.isReportEvent(observed)) {
            observers++;
            if (named == null) {
                reportsForEveryEndpoint = true;
            } else {
                reportEndpoints.add(named);
            }
        } else if (named != null && observed instanceof Class<?> type && ObservedEndpoints.isPayloadType(type)) {
            observers++;
            List<Class<?>> types = payloadTypes.computeIfAbsent(named, name -> new ArrayList<>());
            if (!types.contains(type)) {
                types.add(type);
            }
            Optional<String> surprise = warnedTypes.add(type) ? SurprisingBindings.of(type) : Optional.empty();
            if (surprise.isPresent()) {
                LOGGER.warning("Beacon observer " + observer.getObserverMethod().getBeanClass().getName() + " receives beacons to endpoint '"
                        + named + "' as " + surprise.get());
            }
        }
    }

    void warnWithoutObservers(@Observes AfterDeploymentValidation validation) {
        if (observers == 0 && sinks == 0) {
            LOGGER.warning("No observer method receives Beacon, Report or typed payload events in this application, and no"
                    + " BeaconSink takes them: every beacon will be answered 204 and dropped. Add one, e.g."
                    + " 'void onBeacon(@Observes Beacon beacon)' in a CDI bean.");
        } else {
            LOGGER.fine(() -> observers + " observer method(s) receive Beacon, Report or typed payload events");
        }
    }

    /**
     * @param delivery a delivery to close when the application shuts down, and whose room readiness reports
     */
    public void closeAtShutdown(Drainable delivery) {
        deliveries.add(delivery);
    }

    void deliverAcceptedBeacons(@Observes @BeforeDestroyed(ApplicationScoped.class) Object shutdown) throws InterruptedException {
        deliveries.closeAll();
    }

    /**
     * @return how many observer methods receive {@link Beacon}, {@link Report} or typed payload events
     */
    public int observerCount() {
        return observers;
    }

    /**
     * @return what the application's observers observe, recorded while the container discovered them
     */
    public ObservedEndpoints observedEndpoints() {
        return new ObservedEndpoints(namedEndpoints, reportEndpoints, reportsForEveryEndpoint, payloadTypes);
    }
}
