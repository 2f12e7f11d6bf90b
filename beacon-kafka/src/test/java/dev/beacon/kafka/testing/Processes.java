package dev.beacon.kafka.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The servers a test starts as processes of their own: stopped as an operator stops them, and never left
 * behind by a test JVM stopped midway (a timeout, Ctrl-C), where they would hold their ports for the next run.
 */
public final class Processes {

    private Processes() {
    }

    /**
     * @param process a process the test started, and stops itself when all goes well
     */
    public static void stopWithTheTest(Process process) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }, "stop " + process.pid()));
    }

    /**
     * Sends SIGTERM, as an operator does, and waits for the process to exit; kills it past the timeout.
     *
     * @param process a running process
     * @param timeout how long it may take to stop
     * @return whether it stopped by itself within the timeout
     */
    public static boolean terminate(Process process, Duration timeout) {
        process.destroy();
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
