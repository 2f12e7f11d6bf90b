package dev.beacon.core.delivery;

import dev.beacon.Beacon;
import dev.beacon.BeaconStatistics;
import dev.beacon.core.admission.Admission;
import dev.beacon.core.admission.InFlightBudget;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Where the intake hands the beacons it accepts: the application's CDI container, or, where the application has not
 * even the CDI API (a plain servlet container without Weld), nowhere. The intake sees only this, so that without the
 * API none of the classes that use it is ever loaded, and beacons get {@code 503} instead of a filter that fails to
 * start. {@code BeaconRuntime} chooses.
 */
public interface Delivery {

    /** What is logged, once, while beacons are refused for want of a container; the cause follows. */
    String NO_CONTAINER = "Beacons cannot be delivered: no CDI container is available to this application."
            + " Beacons are answered 503 until one is. Cause: ";

    /**
     * @return whether the CDI container can be reached: a beacon is accepted only then, so that no
     *         beacon answered {@code 204} is lost for want of a container
     */
    boolean isReady();

    /**
     * @return whether the application is shutting down: from then on beacons are refused before anything of the
     *         container is touched, since its beans may be destroyed while a stopping server still passes requests
     */
    boolean isClosed();

    /**
     * Takes a place for one beacon among those awaiting their observers, and room in every
     * {@link dev.beacon.BeaconSink}, and counts it accepted when it has both. {@link #deliver} gives them
     * back. Only once {@link #isReady()}.
     *
     * @param beacon the beacon about to be accepted
     * @return the ticket of an accepted beacon ({@link InFlightBudget.Reservation#TAKEN}), or why there is no place
     */
    Admission.Ticket reserve(Beacon beacon);

    /**
     * Hands an accepted beacon, whose place {@link #reserve} took, to its sinks and its observers.
     *
     * @param ticket what {@link #reserve} gave it
     */
    void deliver(Admission.Ticket ticket);

    /**
     * Hands an accepted beacon to its sinks to store, before its answer ({@code beacon.answer-when=stored}); then
     * {@link #deliverStored} or {@link #refuseUnstored}.
     *
     * @param ticket what {@link #reserve} gave it
     * @return completes once every sink has stored it; exceptionally when one gave up on it, or failed
     */
    CompletableFuture<Void> store(Admission.Ticket ticket);

    /**
     * Hands a beacon its sinks stored to its observers.
     *
     * @param ticket what {@link #reserve} gave it
     */
    void deliverStored(Admission.Ticket ticket);

    /**
     * Gives back the place of a beacon its sinks did not store in time: refused after all, it reaches no observer, and
     * counts as refused, not accepted.
     *
     * @param ticket what {@link #reserve} gave it
     */
    void refuseUnstored(Admission.Ticket ticket);

    /**
     * @param endpoint an endpoint name
     * @return the application classes observed at that endpoint, which its beacons must bind to; only once {@link #isReady()}
     */
    List<Class<?>> payloadTypesOf(String endpoint);

    /**
     * @return the endpoint names the observers' {@link dev.beacon.BeaconEndpoint} qualifiers name; none where the container
     *         did not tell the library its observers. Only once {@link #isReady()}
     */
    Set<String> namedEndpoints();

    /**
     * @param endpoint an endpoint name
     * @return whether a sink takes it by name ({@link dev.beacon.BeaconSink#endpoints()}). Only once {@link #isReady()}
     */
    boolean isTakenBySink(String endpoint);

    /** Counts a beacon answered but not delivered again, as a duplicate. Only once {@link #isReady()}. */
    void countDuplicate();

    /**
     * @param status the HTTP status a request to a beacon path was refused with
     */
    void countRejected(int status);

    /**
     * @return the application's counters, once a beacon has reached its CDI container; {@code null} before
     */
    BeaconStatistics statisticsIfReached();
}
