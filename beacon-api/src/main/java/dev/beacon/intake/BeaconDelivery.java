package dev.beacon.intake;

import dev.beacon.Beacon;
import dev.beacon.BeaconConfig;
import dev.beacon.BeaconEndpoint;
import dev.beacon.BeaconStatistics;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires a {@link Beacon} to its {@code @Observes} and {@code @ObservesAsync} observers, qualified
 * with its {@link BeaconEndpoint}, so that qualified and unqualified observers both receive it.
 * <p>
 * Each synchronous observer is notified on its own: {@code Event.fire()} would stop at the first
 * observer that throws, and the others would lose the beacon. A failing observer, synchronous or
 * asynchronous, is logged once at {@code WARNING} with the endpoint and its exception.
 * <p>
 * When the application shuts down, {@link BeaconExtension} closes every delivery: it takes no more
 * beacons, and the shutdown waits, up to {@link BeaconConfig#shutdownTimeout()}, for the accepted
 * ones to reach their observers.
 */
final class BeaconDelivery {

    private static final Logger LOGGER = Logger.getLogger(BeaconDelivery.class.getName());

    /** The key of every endpoint no observer names. */
    private static final String UNNAMED = "";

    private final Supplier<BeanManager> beanManagerLookup;
    private final InFlightBudget budget;
    private final Duration shutdownTimeout;
    private volatile BeanManager beanManager;
    private volatile BeaconStatistics statistics;
    private volatile BeaconExtension extension;
    private final Map<String, EndpointObservers> observersByEndpoint = new ConcurrentHashMap<>();
    private final AtomicBoolean unavailabilityReported = new AtomicBoolean();

    /**
     * @param beanManagerLookup finds the application's bean manager; called until it succeeds
     * @param budget the places of the beacons awaiting their observers
     * @param shutdownTimeout how long the application's shutdown waits for them
     */
    BeaconDelivery(Supplier<BeanManager> beanManagerLookup, InFlightBudget budget, Duration shutdownTimeout) {
        this.beanManagerLookup = beanManagerLookup;
        this.budget = budget;
        this.shutdownTimeout = shutdownTimeout;
    }

    /**
     * @param config the validated configuration, for the in-flight budget and the shutdown timeout
     * @return a delivery to the CDI container of the calling application, looked up at first use
     */
    static BeaconDelivery toCurrentContainer(BeaconConfig config) {
        return new BeaconDelivery(() -> CDI.current().getBeanManager(),
                new InFlightBudget(config.maxInFlight(), config.maxInFlightBytes()), config.shutdownTimeout());
    }

    /**
     * Takes a place for one beacon among those awaiting their observers, and counts it accepted when it
     * has one. {@link #deliver} gives it back.
     *
     * @param size the beacon's body size
     * @return {@link InFlightBudget.Reservation#TAKEN}, or why there is no place
     */
    InFlightBudget.Reservation reserve(long size) {
        InFlightBudget.Reservation reservation = budget.reserve(size);
        if (reservation == InFlightBudget.Reservation.TAKEN) {
            try {
                // Counted with the place: a place taken and never given back then shows as a beacon in flight for good.
                statistics.countAccepted();
            } catch (RuntimeException e) {
                budget.release(size);
                throw e;
            }
        }
        return reservation;
    }

    /**
     * Takes no more beacons, then waits for the accepted ones to reach their observers, up to the
     * shutdown timeout.
     *
     * @return how many accepted beacons had still not reached every observer when the wait ended
     * @throws InterruptedException when the shutdown is interrupted while waiting
     */
    int close() throws InterruptedException {
        return budget.close(shutdownTimeout);
    }

    /**
     * @return how many accepted beacons have not yet reached every observer
     */
    int inFlight() {
        return budget.beacons();
    }

    /**
     * @return whether the CDI container can be reached: a beacon is accepted only then, so that no
     *         beacon answered {@code 204} is lost for want of a container
     */
    boolean isReady() {
        if (beanManager != null) {
            return true;
        }
        try {
            BeanManager found = beanManagerLookup.get();
            Instance<BeaconStatistics> registered = found.createInstance().select(BeaconStatistics.class);
            // Without the library's extension (a container that skips it) counting goes on, unseen by the app.
            statistics = registered.isResolvable() ? registered.get() : new BeaconStatistics();
            Instance<BeaconExtension> extensions = found.createInstance().select(BeaconExtension.class);
            if (extensions.isResolvable()) {
                extension = extensions.get();
                extension.closeAtShutdown(this);
            }
            beanManager = found;
            return true;
        } catch (IllegalStateException e) {
            // Once, not per beacon: every beacon fails alike until a container appears.
            if (unavailabilityReported.compareAndSet(false, true)) {
                LOGGER.log(Level.SEVERE, "Beacons cannot be delivered: no CDI container is available to this application."
                        + " Beacons are answered 503 until one is. Cause: {0}", e.getMessage());
            }
            return false;
        }
    }

    /**
     * Notifies every synchronous observer in this thread, each isolated from the others' failures,
     * then fires to asynchronous observers.
     *
     * @param beacon the accepted beacon
     */
    void deliver(Beacon beacon) {
        if (!isReady()) {
            throw new IllegalStateException("deliver() called before isReady() returned true");
        }
        boolean handedToAsynchronousObservers = false;
        try {
            BeaconEndpoint qualifier = BeaconEndpoint.Literal.of(beacon.endpoint());
            EndpointObservers observers = observersOf(beacon, qualifier);
            notifySynchronousObservers(beacon, qualifier, observers.synchronous());
            if (observers.anyAsynchronous()) {
                CompletionStage<Beacon> notified = beanManager.getEvent().select(Beacon.class, qualifier).fireAsync(beacon);
                handedToAsynchronousObservers = true;
                notified.whenComplete((delivered, failure) -> {
                    try {
                        if (failure != null) {
                            asynchronousFailures(failure).forEach(each -> reportFailure(beacon, "an asynchronous observer", each));
                        }
                        statistics.countDelivered();
                    } finally {
                        budget.release(beacon.size()); // whatever counting did: a place never given back would starve intake and shutdown
                    }
                });
            } else {
                statistics.countDelivered(); // no asynchronous observer: no hop to the container's executor to pay for
            }
        } finally {
            if (!handedToAsynchronousObservers) {
                budget.release(beacon.size());
            }
        }
    }

    /**
     * The observers of an endpoint's beacons, resolved once per endpoint an observer names, and once for
     * all the others, which reach the same observers: a bounded cache, however many names clients make up.
     */
    private EndpointObservers observersOf(Beacon beacon, BeaconEndpoint qualifier) {
        if (extension == null) {
            return EndpointObservers.resolve(beanManager, beacon, qualifier);
        }
        String key = extension.isNamedByAnObserver(beacon.endpoint()) ? beacon.endpoint() : UNNAMED;
        return observersByEndpoint.computeIfAbsent(key, name -> EndpointObservers.resolve(beanManager, beacon, qualifier));
    }

    /**
     * Counts a request to a beacon path that was refused, when the application can be reached.
     *
     * @param status the HTTP status it was answered with
     */
    void countRejected(int status) {
        if (isReady()) {
            statistics.countRejected(status);
        }
    }

    /**
     * Notifies in a request context, as an observer called from a request thread would expect: the
     * entry point may deliver from a container thread outside any request, once the body is read
     * without blocking.
     */
    private void notifySynchronousObservers(Beacon beacon, BeaconEndpoint qualifier, List<ObserverMethod<? super Beacon>> observers) {
        if (observers.isEmpty()) {
            return;
        }
        if (isRequestContextActive()) {
            notifyEach(beacon, qualifier, observers); // the common case, on the request's own thread: nothing to set up
            return;
        }
        Instance<RequestContextController> controllers = beanManager.createInstance().select(RequestContextController.class);
        RequestContextController requestContext = controllers.get();
        requestContext.activate();
        try {
            notifyEach(beacon, qualifier, observers);
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

    private void notifyEach(Beacon beacon, BeaconEndpoint qualifier, List<ObserverMethod<? super Beacon>> observers) {
        BeaconEventContext context = new BeaconEventContext(beacon, qualifier);
        for (ObserverMethod<? super Beacon> observer : observers) {
            try {
                @SuppressWarnings("unchecked") // observes a supertype of Beacon, so it takes a Beacon
                ObserverMethod<Beacon> beaconObserver = (ObserverMethod<Beacon>) observer;
                beaconObserver.notify(context);
            } catch (RuntimeException e) {
                reportFailure(beacon, observer.getBeanClass().getName(), e);
            }
        }
    }

    /** CDI reports asynchronous observer failures as one exception holding each as suppressed. */
    private static List<Throwable> asynchronousFailures(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getSuppressed().length == 0 ? List.of(cause) : List.of(cause.getSuppressed());
    }

    private void reportFailure(Beacon beacon, String observer, Throwable failure) {
        statistics.countObserverFailure();
        LOGGER.log(Level.WARNING, failure, () -> "Beacon observer " + observer + " failed on a beacon to endpoint '"
                + beacon.endpoint() + "'; the other observers still received it.");
    }

    /**
     * The observers of one endpoint's beacons.
     *
     * @param synchronous the {@code @Observes} observers, in the container's order
     * @param anyAsynchronous whether any {@code @ObservesAsync} observer receives them
     */
    private record EndpointObservers(List<ObserverMethod<? super Beacon>> synchronous, boolean anyAsynchronous) {

        static EndpointObservers resolve(BeanManager beanManager, Beacon beacon, BeaconEndpoint qualifier) {
            Set<ObserverMethod<? super Beacon>> observers = beanManager.resolveObserverMethods(beacon, qualifier);
            return new EndpointObservers(observers.stream().filter(observer -> !observer.isAsync()).toList(),
                    observers.stream().anyMatch(ObserverMethod::isAsync));
        }
    }

    /** What an observer method sees of the event: the beacon, and the qualifiers it was fired with. */
    private record BeaconEventContext(Beacon getEvent, BeaconEndpoint qualifier) implements EventContext<Beacon>, EventMetadata {

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
            return Beacon.class;
        }
    }
}
