package dev.beacon.core.delivery;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.BeaconSink;
import dev.beacon.BeaconStatistics;
import dev.beacon.core.admission.Admission;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.cdi.BeaconExtension;
import dev.beacon.core.cdi.Drainable;
import dev.beacon.core.observe.BeaconCounters;
import dev.beacon.core.observe.FailureLog;
import dev.beacon.core.rollup.IgnoreRules;
import dev.beacon.core.rollup.ReportRollups;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.report.ReportRollup;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands an application's accepted beacons to its CDI container: admission before the answer ({@link Admission}),
 * then, once the answer is sent, the sinks, and the events each beacon makes ({@link EventPlan}) to their observers
 * ({@link Dispatcher}). A beacon's place comes back when every observer is done.
 * <p>
 * The container is found once, when the application starts ({@link #isReady()}, called by
 * {@code BeaconRuntime}), or, where it was not running yet, by the first beacon. When the application shuts
 * down, {@link BeaconExtension} closes the delivery: it takes no more beacons, and the shutdown waits, up to
 * {@link BeaconConfig#shutdownTimeout()}, for the accepted ones to reach their observers.
 */
public final class BeaconDelivery implements Delivery, Drainable {

    private static final Logger LOGGER = Logger.getLogger(BeaconDelivery.class.getName());

    private final Supplier<BeanManager> beanManagerLookup;
    private final Supplier<ObserverThreads> observerThreadsLookup;
    private final InFlightBudget budget;
    private final Duration shutdownTimeout;
    private final ReportRules reportRules;
    private final BeaconSampling sampling;
    private final Consumer<List<ReportRollup>> windowsClosed;
    private final boolean answersWhenStored;
    private final Set<String> listedEndpoints;
    private final AtomicBoolean unavailabilityReported = new AtomicBoolean();
    private volatile Connected connected;

    /**
     * @param beanManagerLookup finds the application's bean manager; called until it succeeds
     * @param budget the places of the beacons awaiting their observers
     * @param shutdownTimeout how long the application's shutdown waits for them
     * @param dropExtensionViolations whether CSP violations caused by browser extensions are left undelivered
     */
    public BeaconDelivery(Supplier<BeanManager> beanManagerLookup, InFlightBudget budget, Duration shutdownTimeout, boolean dropExtensionViolations) {
        this(beanManagerLookup, () -> ObserverThreads.CONTAINERS, budget, shutdownTimeout,
                new ReportRules(dropExtensionViolations, false, IgnoreRules.NONE, ReportRollups.OFF, false), BeaconSampling.NONE);
    }

    /**
     * @param observerThreadsLookup gives the threads to notify asynchronous observers on, once the bean manager is found
     * @param reportRules what is done with the reports read, before their observers
     * @param sampling which beacons reach their observers, by endpoint
     */
    BeaconDelivery(Supplier<BeanManager> beanManagerLookup, Supplier<ObserverThreads> observerThreadsLookup, InFlightBudget budget,
                   Duration shutdownTimeout, ReportRules reportRules, BeaconSampling sampling) {
        this(beanManagerLookup, observerThreadsLookup, budget, shutdownTimeout, reportRules, sampling, closed -> { }, false, Set.of());
    }

    /**
     * @param windowsClosed told each closed window's rollups, before their observers are
     * @param answersWhenStored whether beacons are answered once their sinks have stored them: every sink must then say when
     * @param listedEndpoints the endpoints the application lists for its sinks and its observers of every endpoint
     */
    BeaconDelivery(Supplier<BeanManager> beanManagerLookup, Supplier<ObserverThreads> observerThreadsLookup, InFlightBudget budget,
                   Duration shutdownTimeout, ReportRules reportRules, BeaconSampling sampling, Consumer<List<ReportRollup>> windowsClosed,
                   boolean answersWhenStored, Set<String> listedEndpoints) {
        this.listedEndpoints = listedEndpoints;
        this.windowsClosed = windowsClosed;
        this.answersWhenStored = answersWhenStored;
        this.beanManagerLookup = beanManagerLookup;
        this.observerThreadsLookup = observerThreadsLookup;
        this.budget = budget;
        this.shutdownTimeout = shutdownTimeout;
        this.reportRules = reportRules;
        this.sampling = sampling;
    }

    /**
     * @param config the validated configuration, for the in-flight budget, the shutdown timeout, the reports left out and
     *        the threads of asynchronous observers
     * @param windowsClosed told each closed window's report rollups, before their observers are, such as the console
     * @return a delivery to the CDI container of the calling application, looked up at first use
     */
    public static BeaconDelivery toCurrentContainer(BeaconConfig config, Consumer<List<ReportRollup>> windowsClosed) {
        return new BeaconDelivery(() -> CDI.current().getBeanManager(), () -> ObserverThreads.ofTheContainer(config.asyncObserverThreads()),
                new InFlightBudget(config.maxInFlight(), config.maxInFlightBytes()), config.shutdownTimeout(),
                ReportRules.of(config), BeaconSampling.of(config.beaconSampleRates()), windowsClosed, config.answerWhenStored(),
                Set.copyOf(config.endpoints()));
    }

    @Override
    public Admission.Ticket reserve(Beacon beacon) {
        return connected().admission().reserve(beacon);
    }

    @Override
    public int close() throws InterruptedException {
        try {
            return budget.close(shutdownTimeout);
        } finally {
            Connected found = connected;
            if (found != null) {
                try {
                    // The beacons are in: the last window's rollups count every report of them.
                    found.rollupWindows().close(shutdownTimeout);
                } finally {
                    found.observerThreads().close();
                }
            }
        }
    }

    @Override
    public BeaconStatistics statisticsIfReached() {
        Connected found = connected;
        return found == null ? null : found.statistics();
    }

    @Override
    public boolean isFull() {
        Connected found = connected;
        return found == null ? budget.isFull() : found.admission().isFull();
    }

    @Override
    public int inFlight() {
        return budget.beacons();
    }

    @Override
    public boolean isReady() {
        return connected != null || findContainer();
    }

    /**
     * Looks the container up, once: beacons arriving together at start-up would otherwise each make a pool of
     * observer threads, of which only the last is kept, and stopped at shutdown.
     */
    private synchronized boolean findContainer() {
        if (connected != null) {
            return true;
        }
        try {
            BeanManager found = beanManagerLookup.get();
            Instance<BeaconExtension> extensions = found.createInstance().select(BeaconExtension.class);
            // Asked once, here, through the container's proxy: what the beacons need of it is copied out.
            BeaconExtension extension = extensions.isResolvable() ? extensions.get() : null;
            if (extension != null) {
                extension.closeAtShutdown(this);
            }
            // Without the library's extension (a container that skips it) counting goes on, unseen by the app.
            BeaconCounters statistics = extension != null ? extension.counters() : new BeaconCounters();
            List<BeaconSink> sinks = found.createInstance().select(BeaconSink.class).stream().toList();
            if (answersWhenStored) {
                Admission.requireStorageConfirmed(sinks); // found when the application starts: a refusal fails its deployment
            }
            ObserverThreads observerThreads = observerThreadsLookup.get();
            FailureLog failures = new FailureLog(statistics, System::nanoTime);
            EventPlan plan = new EventPlan(extension == null ? null : extension.observedEndpoints(), statistics, reportRules, listedEndpoints,
                    sinks);
            Dispatcher dispatcher = new Dispatcher(found, observerThreads, failures, plan.knowsObservedEndpoints());
            connected = new Connected(statistics, new Admission(budget, sinks, statistics, failures), plan, dispatcher, observerThreads,
                    RollupWindows.start(reportRules.rollups(), windowsClosed, (rollup, endpoint) -> dispatcher.dispatch(rollup, rollup.sample().beacon(), endpoint,
                            plan.observersKeyOf(rollup.endpoint()))));
            return true;
        } catch (IllegalStateException e) {
            // Once, not per beacon: every beacon fails alike until a container appears.
            if (unavailabilityReported.compareAndSet(false, true)) {
                LOGGER.log(Level.SEVERE, NO_CONTAINER + "{0}", e.getMessage());
            }
            return false;
        }
    }

    private Connected connected() {
        if (!isReady()) {
            throw new IllegalStateException("Called before isReady() returned true");
        }
        return connected;
    }

    /**
     * Writes the beacon to the sinks, then hands each of its events to its observers, synchronous ones on this
     * thread; the beacon's place comes back when every observer is done.
     *
     * @param ticket what {@link #reserve} gave the accepted beacon
     */
    @Override
    public void deliver(Admission.Ticket ticket) {
        deliver(ticket, true);
    }

    @Override
    public CompletableFuture<Void> store(Admission.Ticket ticket) {
        return connected().admission().store(ticket);
    }

    @Override
    public void deliverStored(Admission.Ticket ticket) {
        deliver(ticket, false);
    }

    @Override
    public void refuseUnstored(Admission.Ticket ticket) {
        Connected to = connected();
        to.statistics().uncountAccepted();
        to.admission().release(ticket.beacon());
    }

    private void deliver(Admission.Ticket ticket, boolean toTheSinksFirst) {
        Connected to = connected();
        Beacon beacon = ticket.beacon();
        boolean handedToAsynchronousObservers = false;
        try {
            if (toTheSinksFirst) {
                to.admission().write(ticket);
            }
            if (!sampling.delivers(beacon.endpoint())) {
                to.statistics().countBeaconSampledOut();
                to.statistics().countDelivered(); // to every observer it goes to: none
                return;
            }
            BeaconEndpoint qualifier = BeaconEndpoint.Literal.of(beacon.endpoint());
            String observersKey = to.plan().observersKeyOf(beacon.endpoint());
            if (to.plan().wouldSayUnobserved(beacon.endpoint())) {
                to.plan().unobservedArrived(beacon, to.dispatcher().reachesAnyObserver(beacon, qualifier, observersKey));
            }
            List<CompletableFuture<?>> asynchronous = new ArrayList<>(0);
            for (Object event : to.plan().eventsOf(beacon)) {
                CompletableFuture<?> done = to.dispatcher().dispatch(event, beacon, qualifier, observersKey);
                if (done != null) {
                    asynchronous.add(done);
                }
            }
            if (asynchronous.isEmpty()) {
                to.statistics().countDelivered(); // no asynchronous observer: no hop to another thread to pay for
            } else {
                handedToAsynchronousObservers = true;
                CompletableFuture.allOf(asynchronous.toArray(CompletableFuture[]::new)).whenComplete((delivered, failure) -> {
                    try {
                        to.statistics().countDelivered();
                    } finally {
                        to.admission().release(beacon); // whatever counting did: a place never given back would starve intake and shutdown
                    }
                });
            }
        } finally {
            if (!handedToAsynchronousObservers) {
                to.admission().release(beacon);
            }
        }
    }

    @Override
    public List<Class<?>> payloadTypesOf(String endpoint) {
        return connected().plan().payloadTypesOf(endpoint);
    }

    @Override
    public Set<String> namedEndpoints() {
        return connected().plan().namedEndpoints();
    }

    @Override
    public boolean isTakenBySink(String endpoint) {
        return connected().plan().isTakenBySink(endpoint);
    }

    @Override
    public void countDuplicate() {
        connected().statistics().countDuplicate();
    }

    @Override
    public boolean isClosed() {
        return budget.isClosed();
    }

    @Override
    public void countRejected(int status) {
        // The counters are the extension's own object, not a bean: they outlive the application's beans, so refusals
        // during shutdown count too. Closed, the container is not looked for any more.
        if (isClosed() ? connected != null : isReady()) {
            connected.statistics().countRejected(status);
        }
    }

    /** What the delivery holds once it has found the application's container. */
    private record Connected(BeaconCounters statistics, Admission admission, EventPlan plan, Dispatcher dispatcher,
                             ObserverThreads observerThreads, RollupWindows rollupWindows) {
    }
}
