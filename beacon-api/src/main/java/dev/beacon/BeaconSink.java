package dev.beacon;

import java.util.Optional;

/**
 * A destination that every accepted beacon is written to, besides its observers: a durable log such as
 * Kafka, a queue, a file. A sink is a CDI bean of the application, normally {@code @ApplicationScoped};
 * the library finds every one and uses them all, at every entry point. {@code beacon-kafka} is one.
 * <p>
 * A sink takes part in admission, so that a beacon it cannot take is refused while the client can still
 * retry, never dropped after its {@code 204}:
 * <ol>
 * <li>{@link #reserve} is called before the answer, once the beacon is read and every other rule passed. It holds
 * room for the beacon and returns the {@link Reservation}; what the sink makes of the beacon (a record, a line) is
 * made there, once, and kept in it. An empty answer refuses the beacon {@code 503} with {@code Retry-After}.</li>
 * <li>{@link Reservation#write} is called once the {@code 204} is sent, before any observer is notified. It hands
 * the beacon over and returns: it must not wait for a remote system.</li>
 * <li>{@link Reservation#cancel} is called instead when the beacon was refused after all, for want of room
 * elsewhere.</li>
 * </ol>
 * <pre>{@code
 * @ApplicationScoped
 * public class LineSink implements BeaconSink {
 *     private final Semaphore room = new Semaphore(10_000);
 *     private final BlockingQueue<String> lines = new LinkedBlockingQueue<>(); // a thread of its own stores them,
 *                                                                              // then releases their room
 *     public Optional<Reservation> reserve(Beacon beacon) {
 *         String line = beacon.endpoint() + " " + beacon.text();
 *         if (!room.tryAcquire()) {
 *             return Optional.empty();                         // 503, Retry-After
 *         }
 *         return Optional.of(new Reservation() {
 *             public void write() { lines.add(line); }
 *             public void cancel() { room.release(); }
 *         });
 *     }
 * }
 * }</pre>
 * A sink that throws is logged at {@code WARNING} (once per sink, step and exception, then summed up) and counted
 * in {@link BeaconStatistics#observerFailures()}; from {@code reserve}, the beacon is then refused {@code 503}.
 * Shutting down, the library stops accepting, waits for the beacons accepted to be written and observed, and only
 * then does CDI destroy the sink: its {@code @PreDestroy} is the place to flush.
 */
public interface BeaconSink {

    /**
     * Holds room for a beacon about to be accepted, until its reservation is written or cancelled.
     *
     * @param beacon the beacon, read and parsed, not yet answered
     * @return the reservation; empty when the sink cannot take it, which refuses it with {@code 503}
     */
    Optional<Reservation> reserve(Beacon beacon);

    /**
     * Whether the sink now refuses beacons, whatever they are: the library's readiness check is then {@code DOWN},
     * so that a load balancer polling it sends beacons to another node meanwhile.
     *
     * @return {@code true} while {@link #reserve} would refuse any beacon; {@code false} by default
     */
    default boolean isFull() {
        return false;
    }

    /**
     * The room a sink holds for one beacon, and what it made of it: written once the beacon is accepted, or
     * cancelled; never both, and each at most once.
     */
    interface Reservation {

        /**
         * Writes the accepted beacon, without waiting for it to be stored.
         */
        void write();

        /**
         * Gives the room back: the beacon was refused {@code 503} after all.
         */
        void cancel();
    }
}
