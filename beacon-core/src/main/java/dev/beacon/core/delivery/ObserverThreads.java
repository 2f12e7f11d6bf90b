package dev.beacon.core.delivery;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The threads asynchronous observers are notified on: a pool of the application's own, made by the container's
 * default {@code ManagedThreadFactory} (Jakarta Concurrency, part of every EE 10 Web Profile server), instead of
 * the container's executor, task by task.
 * <p>
 * Payara's managed executor captures the caller's contexts for every task it is given, and looks up its context
 * providers with a {@link java.util.ServiceLoader} each time: JFR put 59 % of the filter's samples there, for beacons
 * to an {@code @ObservesAsync} observer, which then came in at 0.28 of the reading servlet's rate. Threads a
 * {@code ManagedThreadFactory} makes carry the application's contexts (its class loader, its {@code java:comp}
 * names) from their creation, so a notification costs a hand-off to a queue. Observers get what CDI promises them
 * either way: the container activates the request context for each notification.
 * <p>
 * The pool keeps no thread while no asynchronous observer runs. Its queue needs no bound of its own: every beacon
 * in it holds a place in the in-flight budget. Where the container offers no such factory (Tomcat with Weld), the
 * container's executor notifies, as CDI does by default.
 */
final class ObserverThreads {

    /** The default {@code ManagedThreadFactory}'s name, which Jakarta Concurrency fixes. */
    static final String DEFAULT_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    /** Notifications by the container's executor. */
    static final ObserverThreads CONTAINERS = new ObserverThreads(null);

    private static final Logger LOGGER = Logger.getLogger(ObserverThreads.class.getName());
    private static final long IDLE_SECONDS = 30;

    private final ThreadPoolExecutor pool;
    private final NotificationOptions onThePool;

    private ObserverThreads(ThreadPoolExecutor pool) {
        this.pool = pool;
        this.onThePool = pool == null ? null : NotificationOptions.ofExecutor(pool);
    }

    /**
     * @param threads the most observers notified at once
     * @return threads of the container's default {@code ManagedThreadFactory}; or the container's executor where it has
     *         none. Call it on a thread of the application (a request's), where its {@code java:comp} names are bound.
     */
    static ObserverThreads ofTheContainer(int threads) {
        return managedThreadFactory().map(factory -> madeBy(factory, threads)).orElseGet(() -> {
            LOGGER.fine(() -> "No " + DEFAULT_THREAD_FACTORY + ": asynchronous observers are notified by the container's executor");
            return CONTAINERS;
        });
    }

    /**
     * @return the container's default {@code ManagedThreadFactory}, whose threads carry the application's contexts;
     *         empty where the container binds none. Call it on a thread of the application.
     */
    static Optional<ThreadFactory> managedThreadFactory() {
        try {
            return Optional.of((ThreadFactory) new InitialContext().lookup(DEFAULT_THREAD_FACTORY));
        } catch (NamingException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /**
     * @param factory makes the threads
     * @param threads the most observers notified at once
     * @return a pool of threads made by the factory, none of them made yet
     */
    static ObserverThreads madeBy(ThreadFactory factory, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return new ObserverThreads(pool);
    }

    /**
     * @param event the event to fire, selected for its type and qualifiers
     * @param payload the event object
     * @return when every asynchronous observer is done
     */
    <T> CompletionStage<T> fireAsync(Event<T> event, T payload) {
        return onThePool == null ? event.fireAsync(payload) : event.fireAsync(payload, onThePool);
    }

    /**
     * Stops the threads, once the shutdown has waited for the accepted beacons: a notification still running is
     * interrupted, and what is still queued is dropped, as the shutdown reported it lost.
     */
    void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
