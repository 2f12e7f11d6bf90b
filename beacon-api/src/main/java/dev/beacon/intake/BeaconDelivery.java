package dev.beacon.intake;

import dev.beacon.Beacon;
import dev.beacon.BeaconConfig;
import dev.beacon.BeaconEndpoint;
import dev.beacon.BeaconSink;
import dev.beacon.BeaconStatistics;
import dev.beacon.report.CspViolation;
import dev.beacon.report.Report;
import dev.beacon.report.ReportReader;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a {@link Beacon} to the application's {@link BeaconSink}s, then fires it to its {@code @Observes} and
 * {@code @ObservesAsync} observers, qualified
 * with its {@link BeaconEndpoint}, so that qualified and unqualified observers both receive it; then
 * each {@link Report} it holds, the same way, when the endpoint's reports are observed; then the beacon
 * bound to each application class observed at its endpoint ({@link Beacon#as(Class)}).
 * <p>
 * Each synchronous observer is notified on its own: {@code Event.fire()} would stop at the first
 * observer that throws, and the others would lose the beacon. A failing observer, synchronous or
 * asynchronous, is logged once at {@code WARNING} with the endpoint and its exception.
 * <p>
 * When the application shuts down, {@link BeaconExtension} closes every delivery: it takes no more
 * beacons, and the shutdown waits, up to {@link BeaconConfig#shutdownTimeout()}, for the accepted
 * ones to reach their observers.
 */
final class BeaconDelivery implements Delivery {

    private static final Logger LOGGER = Logger.getLogger(BeaconDelivery.class.getName());

    /** The key of every endpoint no observer names. */
    private static final String UNNAMED = "";

    private final Supplier<BeanManager> beanManagerLookup;
    private final Supplier<ObserverThreads> observerThreadsLookup;
    private final InFlightBudget budget;
    private final Duration shutdownTimeout;
    private volatile BeanManager beanManager;
    private volatile BeaconStatistics statistics;
    private volatile BeaconExtension extension;
    private volatile List<BeaconSink> sinks = List.of();
    private volatile ObserverThreads observerThreads = ObserverThreads.CONTAINERS;
    private final boolean dropExtensionViolations;
    private final Map<ObserversKey, EndpointObservers<?>> observersByEndpoint = new ConcurrentHashMap<>();
    private final Set<String> reportedCauses = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean unavailabilityReported = new AtomicBoolean();

    /**
     * @param beanManagerLookup finds the application's bean manager; called until it succeeds
     * @param budget the places of the beacons awaiting their observers
     * @param shutdownTimeout how long the application's shutdown waits for them
     * @param dropExtensionViolations whether CSP violations caused by browser extensions are left undelivered
     */
    BeaconDelivery(Supplier<BeanManager> beanManagerLookup, InFlightBudget budget, Duration shutdownTimeout, boolean dropExtensionViolations) {
        this(beanManagerLookup, () -> ObserverThreads.CONTAINERS, budget, shutdownTimeout, dropExtensionViolations);
    }

    /**
     * @param observerThreadsLookup gives the threads to notify asynchronous observers on, once the bean manager is found
     */
    BeaconDelivery(Supplier<BeanManager> beanManagerLookup, Supplier<ObserverThreads> observerThreadsLookup, InFlightBudget budget,
                   Duration shutdownTimeout, boolean dropExtensionViolations) {
        this.beanManagerLookup = beanManagerLookup;
        this.observerThreadsLookup = observerThreadsLookup;
        this.budget = budget;
        this.shutdownTimeout = shutdownTimeout;
        this.dropExtensionViolations = dropExtensionViolations;
    }

    /**
     * @param config the validated configuration, for the in-flight budget, the shutdown timeout, the reports left out and
     *        the threads of asynchronous observers
     * @return a delivery to the CDI container of the calling application, looked up at first use
     */
    static BeaconDelivery toCurrentContainer(BeaconConfig config) {
        return new BeaconDelivery(() -> CDI.current().getBeanManager(), () -> ObserverThreads.ofTheContainer(config.asyncObserverThreads()),
                new InFlightBudget(config.maxInFlight(), config.maxInFlightBytes()), config.shutdownTimeout(),
                config.dropExtensionViolations());
    }

    @Override
    public InFlightBudget.Reservation reserve(Beacon beacon) {
        InFlightBudget.Reservation reservation = budget.reserve(beacon.size());
        if (reservation != InFlightBudget.Reservation.TAKEN) {
            return reservation;
        }
        int reserved = 0;
        try {
            while (reserved < sinks.size()) {
                if (!reserveIn(sinks.get(reserved), beacon)) {
                    giveBack(beacon, reserved);
                    return InFlightBudget.Reservation.NO_ROOM_IN_SINK;
                }
                reserved++;
            }
            // Counted with the place: a place taken and never given back then shows as a beacon in flight for good.
            statistics.countAccepted();
        } catch (RuntimeException e) {
            giveBack(beacon, reserved);
            throw e;
        }
        return reservation;
    }

    /** A sink that fails to answer refuses the beacon: it cannot be promised to a sink that may not take it. */
    private boolean reserveIn(BeaconSink sink, Beacon beacon) {
        try {
            return sink.reserve(beacon);
        } catch (RuntimeException e) {
            reportSinkFailure(sink, "reserve room for", beacon, e);
            return false;
        }
    }

    /** A sink that cannot say is not counted full: readiness is a hint to the balancer, admission still decides. */
    private static boolean saysFull(BeaconSink sink) {
        try {
            return sink.isFull();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Gives back the beacon's place, and its room in the first {@code reserved} sinks. */
    private void giveBack(Beacon beacon, int reserved) {
        try {
            for (int sink = 0; sink < reserved; sink++) {
                sinks.get(sink).cancel(beacon);
            }
        } finally {
            budget.release(beacon.size());
        }
    }

    /**
     * Takes no more beacons, then waits for the accepted ones to reach their observers, up to the
     * shutdown timeout.
     *
     * @return how many accepted beacons had still not reached every observer when the wait ended
     * @throws InterruptedException when the shutdown is interrupted while waiting
     */
    int close() throws InterruptedException {
        try {
            return budget.close(shutdownTimeout);
        } finally {
            observerThreads.close();
        }
    }

    @Override
    public BeaconStatistics statisticsIfReached() {
        return beanManager == null ? null : statistics;
    }

    /**
     * @return whether admission now refuses beacons for want of room
     */
    boolean isFull() {
        return budget.isFull() || sinks.stream().anyMatch(BeaconDelivery::saysFull);
    }

    /**
     * @return how many accepted beacons have not yet reached every observer
     */
    int inFlight() {
        return budget.beacons();
    }

    @Override
    public boolean isReady() {
        return beanManager != null || findContainer();
    }

    /**
     * Looks the container up, once: beacons arriving together at start-up would otherwise each make a pool of
     * observer threads, of which only the last is kept, and stopped at shutdown.
     */
    private synchronized boolean findContainer() {
        if (beanManager != null) {
            return true;
        }
        try {
            BeanManager found = beanManagerLookup.get();
            Instance<BeaconStatistics> registered = found.createInstance().select(BeaconStatistics.class);
            // Without the library's extension (a container that skips it) counting goes on, unseen by the app.
            statistics = registered.isResolvable() ? registered.get() : new BeaconStatistics();
            sinks = found.createInstance().select(BeaconSink.class).stream().toList();
            observerThreads = observerThreadsLookup.get();
            Instance<BeaconExtension> extensions = found.createInstance().select(BeaconExtension.class);
            if (extensions.isResolvable()) {
                extension = extensions.get().closeAtShutdown(this);
            }
            beanManager = found;
            return true;
        } catch (IllegalStateException e) {
            // Once, not per beacon: every beacon fails alike until a container appears.
            if (unavailabilityReported.compareAndSet(false, true)) {
                LOGGER.log(Level.SEVERE, NO_CONTAINER + "{0}", e.getMessage());
            }
            return false;
        }
    }

    /**
     * Notifies every synchronous observer in this thread, each isolated from the others' failures,
     * then fires to asynchronous observers; then the same for each report the beacon holds, when the
     * endpoint's reports are observed. The beacon's place comes back when every observer is done.
     *
     * @param beacon the accepted beacon
     */
    @Override
    public void deliver(Beacon beacon) {
        if (!isReady()) {
            throw new IllegalStateException("deliver() called before isReady() returned true");
        }
        boolean handedToAsynchronousObservers = false;
        try {
            writeToSinks(beacon);
            BeaconEndpoint qualifier = BeaconEndpoint.Literal.of(beacon.endpoint());
            String observersKey = extension != null && !extension.isNamedByAnObserver(beacon.endpoint()) ? UNNAMED : beacon.endpoint();
            List<CompletableFuture<?>> asynchronous = new ArrayList<>(0);
            fire(beacon, beacon, qualifier, observersKey, asynchronous);
            if (extension == null || extension.hasReportObservers(beacon.endpoint())) {
                for (Report report : reportsOf(beacon)) {
                    fire(report, beacon, qualifier, observersKey, asynchronous);
                }
            }
            for (Class<?> type : payloadTypesOf(beacon.endpoint())) {
                fire(beacon.as(type), beacon, qualifier, observersKey, asynchronous); // bound before the 204: kept in the beacon
            }
            if (asynchronous.isEmpty()) {
                statistics.countDelivered(); // no asynchronous observer: no hop to the container's executor to pay for
            } else {
                handedToAsynchronousObservers = true;
                CompletableFuture.allOf(asynchronous.toArray(CompletableFuture[]::new)).whenComplete((delivered, failure) -> {
                    try {
                        statistics.countDelivered();
                    } finally {
                        budget.release(beacon.size()); // whatever counting did: a place never given back would starve intake and shutdown
                    }
                });
            }
        } finally {
            if (!handedToAsynchronousObservers) {
                budget.release(beacon.size());
            }
        }
    }

    /** First, so that observers taking their time delay no sink; each isolated from the others' failures. */
    private void writeToSinks(Beacon beacon) {
        for (BeaconSink sink : sinks) {
            try {
                sink.write(beacon);
            } catch (RuntimeException e) {
                reportSinkFailure(sink, "write", beacon, e);
            }
        }
    }

    @Override
    public List<Class<?>> payloadTypesOf(String endpoint) {
        return extension == null ? List.of() : extension.payloadTypesOf(endpoint);
    }

    /**
     * The reports to deliver: those left out of their batch are counted and logged, and those that
     * browser extensions caused are left out when so configured.
     */
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
        if (!dropExtensionViolations) {
            return read.reports();
        }
        List<Report> reports = new ArrayList<>(read.reports().size());
        for (Report report : read.reports()) {
            if (report instanceof CspViolation violation && violation.isCausedByBrowserExtension()) {
                statistics.countExtensionReportDropped();
            } else {
                reports.add(report);
            }
        }
        return reports;
    }

    /**
     * Notifies the event's synchronous observers, then fires it to asynchronous ones, if any.
     *
     * @param asynchronous collects the completion of the asynchronous notification
     */
    private <T> void fire(T event, Beacon beacon, BeaconEndpoint qualifier, String observersKey, List<CompletableFuture<?>> asynchronous) {
        EndpointObservers<T> observers = observersOf(event, qualifier, observersKey);
        notifySynchronousObservers(event, beacon, qualifier, observers.synchronous());
        if (observers.anyAsynchronous()) {
            @SuppressWarnings("unchecked") // the class of a T
            Class<T> type = (Class<T>) event.getClass();
            asynchronous.add(observerThreads.fireAsync(beanManager.getEvent().select(type, qualifier), event).whenComplete((delivered, failure) -> {
                if (failure != null) {
                    asynchronousFailures(failure).forEach(each -> reportFailure(event, beacon, "an asynchronous observer", each));
                }
            }).toCompletableFuture());
        }
    }

    /**
     * The observers of an endpoint's events of one class, resolved once per endpoint an observer names,
     * and once for all the others, which reach the same observers: a bounded cache, however many names
     * clients make up.
     */
    @SuppressWarnings("unchecked") // the key holds the event's class, and the value was resolved for an event of it
    private <T> EndpointObservers<T> observersOf(T event, BeaconEndpoint qualifier, String observersKey) {
        if (extension == null) {
            return EndpointObservers.resolve(beanManager, event, qualifier); // no record of the names observers use: no bound to the cache
        }
        ObserversKey key = new ObserversKey(observersKey, event.getClass());
        EndpointObservers<?> resolved = observersByEndpoint.get(key); // nearly always: no resolving function built
        if (resolved == null) {
            resolved = observersByEndpoint.computeIfAbsent(key, absent -> EndpointObservers.resolve(beanManager, event, qualifier));
        }
        return (EndpointObservers<T>) resolved;
    }

    @Override
    public void countDuplicate() {
        statistics.countDuplicate();
    }

    @Override
    public boolean isClosed() {
        return budget.isClosed();
    }

    @Override
    public void countRejected(int status) {
        if (!isClosed() && isReady()) { // closed, the counters may be destroyed: refusing matters, counting does not
            statistics.countRejected(status);
        }
    }

    /**
     * Notifies in a request context, as an observer called from a request thread would expect: the
     * entry point may deliver from a container thread outside any request, once the body is read
     * without blocking.
     */
    private <T> void notifySynchronousObservers(T event, Beacon beacon, BeaconEndpoint qualifier, List<ObserverMethod<? super T>> observers) {
        if (observers.isEmpty()) {
            return;
        }
        if (isRequestContextActive()) {
            notifyEach(event, beacon, qualifier, observers); // the common case, on the request's own thread: nothing to set up
            return;
        }
        Instance<RequestContextController> controllers = beanManager.createInstance().select(RequestContextController.class);
        RequestContextController requestContext = controllers.get();
        requestContext.activate();
        try {
            notifyEach(event, beacon, qualifier, observers);
        } finally {
            requestContext.deactivate();
            controllers.destroy(requestContext);
        }
    }

    private boolean isRequestContextActive() {
        try {
            return beanManager.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    private <T> void notifyEach(T event, Beacon beacon, BeaconEndpoint qualifier, List<ObserverMethod<? super T>> observers) {
        DeliveredEvent<T> context = new DeliveredEvent<>(event, qualifier);
        for (ObserverMethod<? super T> observer : observers) {
            try {
                @SuppressWarnings("unchecked") // observes a supertype of T, so it takes a T
                ObserverMethod<T> eventObserver = (ObserverMethod<T>) observer;
                eventObserver.notify(context);
            } catch (RuntimeException e) {
                reportFailure(event, beacon, observer.getBeanClass().getName(), e);
            }
        }
    }

    /** CDI reports asynchronous observer failures as one exception holding each as suppressed. */
    private static List<Throwable> asynchronousFailures(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getSuppressed().length == 0 ? List.of(cause) : List.of(cause.getSuppressed());
    }

    private void reportFailure(Object event, Beacon beacon, String observer, Throwable failure) {
        statistics.countObserverFailure();
        String what = event instanceof Report report ? "a " + LogText.escape(report.type()) + " report"
                : event instanceof Beacon ? "a beacon" : "a beacon bound to " + event.getClass().getSimpleName();
        LOGGER.log(Level.WARNING, failure, () -> "Beacon observer " + observer + " failed on " + what + " to endpoint "
                + LogText.escape(beacon.endpoint()) + "; the other observers still received it.");
    }

    private void reportSinkFailure(BeaconSink sink, String action, Beacon beacon, RuntimeException failure) {
        statistics.countObserverFailure();
        String sinkClass = beanClassOf(sink);
        // Once per sink, step and exception: a sink that cannot work fails every beacon alike.
        if (reportedCauses.add(sinkClass + " " + action + " " + failure.getClass().getName())) {
            LOGGER.log(Level.WARNING, failure, () -> "Beacon sink " + sinkClass + " failed to " + action + " a beacon to endpoint "
                    + LogText.escape(beacon.endpoint()) + "; the observers still receive what was accepted. Counted in"
                    + " BeaconStatistics.observerFailures(), and logged once per sink, step and exception.");
        }
    }

    /** The bean's class, not its CDI client proxy's: Weld names proxies {@code Bean$Proxy$_$$_Weld...}, OpenWebBeans {@code Bean$$Owb...}. */
    private static String beanClassOf(BeaconSink sink) {
        String name = sink.getClass().getName();
        int proxy = name.indexOf("$Proxy$");
        int owb = name.indexOf("$$");
        int end = proxy >= 0 ? proxy : owb;
        return end >= 0 ? name.substring(0, end) : name;
    }

    /** The endpoint's observers key, and the class of the events observed. */
    private record ObserversKey(String endpoint, Class<?> eventClass) {
    }

    /**
     * The observers of one endpoint's events of one class.
     *
     * @param synchronous the {@code @Observes} observers, in the container's order
     * @param anyAsynchronous whether any {@code @ObservesAsync} observer receives them
     */
    private record EndpointObservers<T>(List<ObserverMethod<? super T>> synchronous, boolean anyAsynchronous) {

        static <T> EndpointObservers<T> resolve(BeanManager beanManager, T event, BeaconEndpoint qualifier) {
            Set<ObserverMethod<? super T>> observers = beanManager.resolveObserverMethods(event, qualifier);
            return new EndpointObservers<>(observers.stream().filter(observer -> !observer.isAsync()).toList(),
                    observers.stream().anyMatch(ObserverMethod::isAsync));
        }
    }

    /** What an observer method sees of the event: the event, and the qualifiers it was fired with. */
    private record DeliveredEvent<T>(T getEvent, BeaconEndpoint qualifier) implements EventContext<T>, EventMetadata {

        @Override
        public EventMetadata getMetadata() {
            return this;
        }

        @Override
        public Set<Annotation> getQualifiers() {
            return Set.of(Any.Literal.INSTANCE, qualifier);
        }

        @Override
        public InjectionPoint getInjectionPoint() {
            return null;
        }

        @Override
        public Type getType() {
            return getEvent.getClass();
        }
    }
}
