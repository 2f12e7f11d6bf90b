package dev.beacon;

/**
 * A destination that every accepted beacon is written to, besides its observers: a durable log such as
 * Kafka, a queue, a file. A sink is a CDI bean of the application, normally {@code @ApplicationScoped};
 * the library finds every one and uses them all, at every entry point. {@code beacon-kafka} is one.
 * <p>
 * A sink takes part in admission, so that a beacon it cannot take is refused while the client can still
 * retry, never dropped after its {@code 204}:
 * <ol>
 * <li>{@link #reserve} is called before the answer, once the beacon is read and every other rule passed.
 * Returning {@code false} answers the beacon {@code 503} with {@code Retry-After}.</li>
 * <li>{@link #write} is called once the {@code 204} is sent, for every beacon whose room was reserved, before
 * any observer is notified. It hands the beacon over and returns: it must not wait for a remote system.</li>
 * <li>{@link #cancel} is called instead of {@code write} when the beacon was refused after all, for want of
 * room elsewhere.</li>
 * </ol>
 * A sink that throws is logged at {@code WARNING} and counted in {@link BeaconStatistics#observerFailures()};
 * from {@code reserve}, the beacon is then refused {@code 503}. Shutting down, the library stops accepting,
 * waits for the beacons accepted to be written and observed, and only then does CDI destroy the sink: its
 * {@code @PreDestroy} is the place to flush.
 */
public interface BeaconSink {

    /**
     * Holds room for a beacon about to be accepted, until {@link #write} or {@link #cancel}.
     *
     * @param beacon the beacon, read and parsed, not yet answered
     * @return whether the sink can take it; {@code false} refuses it with {@code 503}
     */
    boolean reserve(Beacon beacon);

    /**
     * Writes an accepted beacon, whose room {@link #reserve} holds, without waiting for it to be stored.
     *
     * @param beacon the beacon, answered {@code 204}
     */
    void write(Beacon beacon);

    /**
     * Gives back the room of a beacon refused after {@link #reserve} held it.
     *
     * @param beacon the beacon, answered {@code 503}
     */
    void cancel(Beacon beacon);

    /**
     * Whether the sink now refuses beacons, whatever they are: the library's readiness check is then {@code DOWN},
     * so that a load balancer polling it sends beacons to another node meanwhile.
     *
     * @return {@code true} while {@link #reserve} would refuse any beacon; {@code false} by default
     */
    default boolean isFull() {
        return false;
    }
}
