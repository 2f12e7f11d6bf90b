package dev.beacon.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waits for something no latch can signal (a counter the library keeps), asking again with back-off so
 * that the wait leaves the server under test its cores, and failing loudly with what it last saw.
 */
public final class Poll {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long LONGEST_PAUSE_MILLIS = 250;

    private Poll() {
    }

    /**
     * @param what what is waited for, for the failure message
     * @param probe reads the current value
     * @param done whether that value is the one waited for
     * @return the value, once it is done
     * @throws AssertionError naming {@code what} and the last value seen, when it is not done within 15 seconds
     */
    public static <T> T until(String what, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        T seen = probe.call();
        while (!done.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what + "; last saw " + seen);
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            seen = probe.call();
        }
        return seen;
    }
}
