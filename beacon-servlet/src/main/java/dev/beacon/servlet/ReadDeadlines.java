package dev.beacon.servlet;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The deadlines by which beacon bodies must be complete, kept on one daemon thread per filter, named
 * {@value #THREAD_NAME}, which ends when the filter is destroyed (the application undeployed).
 * <p>
 * Not the container's {@code ManagedScheduledExecutorService}: an application cannot shut that down,
 * and at undeploy the bodies still awaited must be answered at once, not when their deadline falls.
 * <p>
 * Not the {@code AsyncContext} timeout: Undertow (WildFly 39) does not fire it while a
 * {@code ReadListener} waits for data, so a stalled body would hold its connection for good.
 */
final class ReadDeadlines implements AutoCloseable {

    /** The name of the thread, as thread dumps show it. */
    static final String THREAD_NAME = "beacon-read-deadlines";

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    });

    private final Duration timeout;

    /**
     * @param timeout how long after its start a body must be complete
     */
    ReadDeadlines(Duration timeout) {
        this.timeout = timeout;
        // A deadline met is cancelled at once: kept queued, it would hold its reader and body for the whole timeout.
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * @return the pending deadline, to cancel once the body is complete
     */
    ScheduledFuture<?> after(Runnable onExpiry) {
        return timer.schedule(onExpiry, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the deadlines still pending now: the bodies they wait for are not waited for any longer. */
    @Override
    public void close() {
        timer.shutdownNow().forEach(Runnable::run);
    }
}
