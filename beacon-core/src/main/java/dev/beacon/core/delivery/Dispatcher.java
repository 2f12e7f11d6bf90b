package dev.beacon.core.delivery;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.core.observe.FailureLog;
import dev.beacon.core.observe.LogText;
import dev.beacon.report.Report;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notifies the observers of one event of a beacon, qualified with its {@link BeaconEndpoint}: each synchronous
 * observer on its own, on the calling thread, in a request context, isolated from the others' failures
 * ({@code Event.fire()} would stop at the first that throws, and the others would lose the beacon); then the
 * asynchronous ones, through {@code fireAsync} on the {@link ObserverThreads}. Failures go to the {@link FailureLog}.
 */
final class Dispatcher {

    private final BeanManager beanManager;
    private final RequestContexts requestContexts;
    private final ObserverThreads observerThreads;
    private final FailureLog failures;
    private final boolean boundedCache;
    private final Map<ObserversKey, EndpointObservers<?>> observersByEndpoint = new ConcurrentHashMap<>();

    /**
     * @param beanManager the application's container
     * @param observerThreads where asynchronous observers are notified
     * @param failures where observers' failures are counted and logged
     * @param boundedCache whether the observers' keys are the few names observers use (the extension recorded them),
     *        so that their resolution can be kept; otherwise it is done anew for every event
     */
    Dispatcher(BeanManager beanManager, ObserverThreads observerThreads, FailureLog failures, boolean boundedCache) {
        this.beanManager = beanManager;
        this.requestContexts = new RequestContexts(beanManager);
        this.observerThreads = observerThreads;
        this.failures = failures;
        this.boundedCache = boundedCache;
    }

    /**
     * Notifies the event's synchronous observers, then fires it to its asynchronous ones, if any.
     *
     * @param event the beacon, one of its reports, or its typed payload
     * @param beacon the beacon it comes from
     * @param qualifier the beacon's endpoint, as a qualifier
     * @param observersKey the endpoint, or {@code ""} for every endpoint no observer names: they reach the same observers
     * @return when the asynchronous observers are done; {@code null} when there are none
     */
    <T> CompletableFuture<?> dispatch(T event, Beacon beacon, BeaconEndpoint qualifier, String observersKey) {
        EndpointObservers<T> observers = observersOf(event, qualifier, observersKey);
        notifySynchronousObservers(event, beacon, qualifier, observers.synchronous());
        if (observers.asynchronousClasses().isEmpty()) {
            return null;
        }
        Event<T> asynchronous = observers.asynchronousEvent() != null ? observers.asynchronousEvent() : eventOf(beanManager, event, qualifier);
        return observerThreads.fireAsync(asynchronous, event).whenComplete((delivered, failure) -> {
            if (failure != null) {
                asynchronousFailures(failure).forEach(each -> reportFailure(event, beacon,
                        ObserverNames.ofAsynchronous(each, observers.asynchronousClasses()), each));
            }
        }).toCompletableFuture();
    }

    /**
     * @return whether any observer, synchronous or not, receives the event at the endpoint
     */
    <T> boolean reachesAnyObserver(T event, BeaconEndpoint qualifier, String observersKey) {
        EndpointObservers<T> observers = observersOf(event, qualifier, observersKey);
        return !observers.synchronous().isEmpty() || !observers.asynchronousClasses().isEmpty();
    }

    /**
     * The observers of an endpoint's events of one class, resolved once per endpoint an observer names,
     * and once for all the others, which reach the same observers: a bounded cache, however many names
     * clients make up.
     */
    @SuppressWarnings("unchecked") // the key holds the event's class, and the value was resolved for an event of it
    private <T> EndpointObservers<T> observersOf(T event, BeaconEndpoint qualifier, String observersKey) {
        if (!boundedCache) {
            return EndpointObservers.resolve(beanManager, event, qualifier, false);
        }
        ObserversKey key = new ObserversKey(observersKey, event.getClass());
        EndpointObservers<?> resolved = observersByEndpoint.get(key); // nearly always: no resolving function built
        if (resolved == null) {
            // The event of an endpoint an observer names is kept with its observers; the key "" stands for many
            // endpoints, each of which its asynchronous observers must see as the event's qualifier.
            resolved = observersByEndpoint.computeIfAbsent(key, absent -> EndpointObservers.resolve(beanManager, event, qualifier,
                    !observersKey.isEmpty()));
        }
        return (EndpointObservers<T>) resolved;
    }

    /** The event to fire to the asynchronous observers, as the container selects it for the event's class and endpoint. */
    private static <T> Event<T> eventOf(BeanManager beanManager, T event, BeaconEndpoint qualifier) {
        @SuppressWarnings("unchecked") // the class of a T
        Class<T> type = (Class<T>) event.getClass();
        return beanManager.getEvent().select(type, qualifier);
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
        requestContexts.run(() -> notifyEach(event, beacon, qualifier, observers));
    }

    private <T> void notifyEach(T event, Beacon beacon, BeaconEndpoint qualifier, List<ObserverMethod<? super T>> observers) {
        DeliveredEvent<T> context = new DeliveredEvent<>(event, qualifier);
        for (ObserverMethod<? super T> observer : observers) {
            try {
                @SuppressWarnings("unchecked") // observes a supertype of T, so it takes a T
                ObserverMethod<T> eventObserver = (ObserverMethod<T>) observer;
                eventObserver.notify(context);
            } catch (RuntimeException e) {
                reportFailure(event, beacon, "Beacon observer " + ObserverNames.whoThrew(e, List.of(observer.getBeanClass()))
                        .orElse(observer.getBeanClass().getName()), e);
            }
        }
    }

    /** CDI reports asynchronous observer failures as one exception holding each as suppressed. */
    private static List<Throwable> asynchronousFailures(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getSuppressed().length == 0 ? List.of(cause) : List.of(cause.getSuppressed());
    }

    private void reportFailure(Object event, Beacon beacon, String observer, Throwable failure) {
        String what = event instanceof Report report ? "a " + LogText.escape(report.type()) + " report"
                : event instanceof Beacon ? "a beacon" : "a beacon bound to " + event.getClass().getSimpleName();
        failures.failed(observer, what + " to endpoint " + LogText.escape(beacon.endpoint()),
                "the other observers still received it", failure);
    }

    /** The endpoint's observers key, and the class of the events observed. */
    private record ObserversKey(String endpoint, Class<?> eventClass) {
    }

    /**
     * The observers of one endpoint's events of one class.
     *
     * @param synchronous the {@code @Observes} observers, in the container's order
     * @param asynchronousClasses the classes of the {@code @ObservesAsync} observers; empty when none receives them
     * @param asynchronousEvent the event to fire to them, selected once: the container resolves an event's observers
     *        once per {@code Event} it hands out, and selecting one for every beacon was half of the time to fire it
     *        (see {@code BENCHMARKS.md}); {@code null} where it is selected for each beacon, or where none observes
     */
    private record EndpointObservers<T>(List<ObserverMethod<? super T>> synchronous, List<Class<?>> asynchronousClasses,
                                        Event<T> asynchronousEvent) {

        /**
         * In {@code @Priority} order, as the container notifies them: the set it resolves them in has no order of its own.
         *
         * @param keepEvent whether to select the event for the asynchronous observers now, and keep it
         */
        static <T> EndpointObservers<T> resolve(BeanManager beanManager, T event, BeaconEndpoint qualifier, boolean keepEvent) {
            Set<ObserverMethod<? super T>> observers = beanManager.resolveObserverMethods(event, qualifier);
            List<Class<?>> asynchronousClasses = observers.stream().filter(ObserverMethod::isAsync)
                    .<Class<?>>map(ObserverMethod::getBeanClass).distinct().toList();
            return new EndpointObservers<>(observers.stream().filter(observer -> !observer.isAsync())
                    .sorted(Comparator.comparingInt(ObserverMethod::getPriority)).toList(), asynchronousClasses,
                    keepEvent && !asynchronousClasses.isEmpty() ? eventOf(beanManager, event, qualifier) : null);
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
