package dev.beacon.core.delivery;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs synchronous observers in a request context, as an observer called from a request thread would expect: the
 * thread's own where it has one, otherwise one activated around them and ended after them. That happens for every
 * beacon whose body is read without blocking, since the container calls back on a thread outside any request: on Open
 * Liberty, which never says a body has arrived before it is read, every beacon.
 * <p>
 * The controllers are kept for the next beacon, each used by one thread at a time. Asking the container for a
 * controller resolves its events anew, and asking it whether a context is active, without one, throws when none is;
 * the two were a tenth of the server's CPU per beacon on Open Liberty (see {@code BENCHMARKS.md}).
 */
final class RequestContexts {

    private final BeanManager beanManager;
    /** The controllers no thread is using: as many as threads ever delivered at once, and no more. */
    private final Queue<RequestContextController> idle = new ConcurrentLinkedQueue<>();

    RequestContexts(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    /**
     * @param observers what to run in a request context
     */
    void run(Runnable observers) {
        RequestContextController controller = idle.poll();
        if (controller == null) {
            controller = beanManager.createInstance().select(RequestContextController.class).get();
        }
        boolean activatedHere = controller.activate();
        try {
            observers.run();
        } finally {
            try {
                if (activatedHere) {
                    controller.deactivate();
                }
            } finally {
                idle.offer(controller);
            }
        }
    }
}
