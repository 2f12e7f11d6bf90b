package dev.beacon.core.delivery;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * Timers on a thread of the application's own, made by the container's default {@code ManagedThreadFactory}: the
 * server knows the thread, and it carries the application's contexts, as a thread the library made itself would not.
 */
public final class ApplicationTimers {

    private ApplicationTimers() {
    }

    /**
     * @param name the thread's name, where the container gives no threads of its own
     * @return a one-thread timer; call it on a thread of the application, where its thread factory is bound
     */
    public static ScheduledThreadPoolExecutor start(String name) {
        ThreadFactory threads = ObserverThreads.managedThreadFactory().orElseGet(() -> task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true); // where the container gives no threads of its own (Tomcat): never one that keeps it up
            return thread;
        });
        return new ScheduledThreadPoolExecutor(1, threads);
    }
}
