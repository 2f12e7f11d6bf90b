package dev.beacon.testing;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waits for a state that nothing signals, by looking again after a pause that doubles from 10 ms to
 * 250 ms: a busy loop would take a core from the server under test, and on a two-core machine that
 * is half of it. Where the code under test can count down a latch, wait on the latch instead.
 * <pre>{@code
 * Polling.until("no beacon in flight", statistics::inFlight, inFlight -> inFlight == 0, Duration.ofSeconds(10));
 * }</pre>
 */
public final class Polling {

    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 250;

    /** What is looked at, e.g. a counter, a thread's state, or an HTTP resource. */
    @FunctionalInterface
    public interface Probe<T> {
        T look() throws Exception;
    }

    private Polling() {
    }

    /**
     * @param what what is waited for, as the failure should name it, e.g. {@code "no beacon in flight"}
     * @return the first value seen that is {@code done}
     * @throws AssertionError when none is within the timeout, naming {@code what} and the last value seen
     */
    public static <T> T until(String what, Probe<T> probe, Predicate<? super T> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            T seen = probe.look();
            if (done.test(seen)) {
                return seen;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Waited " + timeout.toMillis() + " ms for " + what + "; last saw: " + seen);
            }
            Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }
}
