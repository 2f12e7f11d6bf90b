package dev.beacon;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

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
 * With {@code beacon.answer-when=stored}, the {@code 204} waits until the beacon is stored where a crash of the node
 * cannot lose it: {@link Reservation#store} is called instead of {@link Reservation#write}, before the answer, and the
 * beacon is answered {@code 204} once every sink's stage completes, or refused {@code 503} with {@code Retry-After} when one
 * fails or {@code beacon.answer-timeout} passes first. Every sink must then {@linkplain #confirmsStorage confirm storage},
 * or the application fails to deploy.
 * <p>
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
     * The endpoints this sink takes by name, such as those it writes to a place of their own. A beacon to one of them is
     * meant for the sink, whether or not an observer names it: {@code beacon.unknown-endpoints=refuse} accepts it, and
     * no warning says that no observer does.
     *
     * @return the endpoint names; none by default
     */
    default Set<String> endpoints() {
        return Set.of();
    }

    /**
     * Whether the sink can tell when a beacon is stored ({@link Reservation#store}), which
     * {@code beacon.answer-when=stored} asks of every sink.
     *
     * @return {@code true} when its reservations implement {@link Reservation#store}; {@code false} by default
     */
    default boolean confirmsStorage() {
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

        /**
         * Writes the accepted beacon, as {@link #write} does and instead of it, and tells when it is stored: called
         * before the answer, with {@code beacon.answer-when=stored}, on a sink that {@linkplain BeaconSink#confirmsStorage
         * confirms storage}. It must not wait either: the stage completes later, on any thread.
         *
         * @return a stage that completes once the beacon is stored, or exceptionally once the sink gives up on it
         * @throws UnsupportedOperationException by default: a sink that does not confirm storage is never asked
         */
        default CompletionStage<Void> store() {
            throw new UnsupportedOperationException(getClass().getName() + " does not confirm storage");
        }
    }
}
