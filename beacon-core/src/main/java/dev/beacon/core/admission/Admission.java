package dev.beacon.core.admission;

import dev.beacon.Beacon;
import dev.beacon.BeaconSink;
import dev.beacon.core.observe.BeaconCounters;
import dev.beacon.core.observe.FailureLog;
import dev.beacon.core.observe.LogText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Whether a beacon can be accepted now: a place in the {@link InFlightBudget}, and room in every
 * {@link BeaconSink}, reserved together before the {@code 204} or not at all, and held in a {@link Ticket}. An
 * accepted beacon is then written to the sinks and, once its observers are done, its place given back.
 */
public final class Admission {

    private final InFlightBudget budget;
    private final List<BeaconSink> sinks;
    private final BeaconCounters statistics;
    private final FailureLog failures;

    /**
     * @param budget the places of the beacons awaiting their observers
     * @param sinks the application's sinks
     * @param statistics where accepted beacons are counted
     * @param failures where the sinks' failures are counted and logged
     */
    public Admission(InFlightBudget budget, List<BeaconSink> sinks, BeaconCounters statistics, FailureLog failures) {
        this.budget = budget;
        this.sinks = sinks;
        this.statistics = statistics;
        this.failures = failures;
    }

    /**
     * Takes the beacon's place and its room in every sink, and counts it accepted; or takes nothing.
     *
     * @param beacon the beacon about to be accepted
     * @return a ticket that holds both, to {@link #write} and then {@link #release}; or, taking nothing, why not
     */
    public Ticket reserve(Beacon beacon) {
        InFlightBudget.Reservation place = budget.reserve(beacon.size());
        if (place != InFlightBudget.Reservation.TAKEN) {
            return Ticket.refused(place);
        }
        List<BeaconSink.Reservation> rooms = sinks.isEmpty() ? List.of() : new ArrayList<>(sinks.size());
        try {
            for (BeaconSink sink : sinks) {
                Optional<BeaconSink.Reservation> room = reserveIn(sink, beacon);
                if (room.isEmpty()) {
                    cancel(beacon, rooms);
                    return Ticket.refused(InFlightBudget.Reservation.NO_ROOM_IN_SINK);
                }
                rooms.add(room.get());
            }
            // Counted with the place: a place taken and never given back then shows as a beacon in flight for good.
            statistics.countAccepted();
        } catch (RuntimeException e) {
            cancel(beacon, rooms);
            throw e;
        }
        return new Ticket(InFlightBudget.Reservation.TAKEN, beacon, rooms);
    }

    /** A sink that fails to answer refuses the beacon: it cannot be promised to a sink that may not take it. */
    private Optional<BeaconSink.Reservation> reserveIn(BeaconSink sink, Beacon beacon) {
        try {
            return sink.reserve(beacon);
        } catch (RuntimeException e) {
            sinkFailed(sink, "reserve room for", beacon, "the beacon is refused 503", e);
            return Optional.empty();
        }
    }

    /** Gives back the beacon's place, and its room in the sinks that held some. */
    private void cancel(Beacon beacon, List<BeaconSink.Reservation> rooms) {
        try {
            for (BeaconSink.Reservation room : rooms) {
                room.cancel();
            }
        } finally {
            budget.release(beacon.size());
        }
    }

    /**
     * Writes an accepted beacon to every sink, each isolated from the others' failures. First, so that observers
     * taking their time delay no sink.
     *
     * @param ticket what {@link #reserve} took
     */
    public void write(Ticket ticket) {
        List<BeaconSink.Reservation> rooms = ticket.rooms(); // one per sink, in the sinks' order: every one reserved
        for (int sink = 0; sink < rooms.size(); sink++) {
            try {
                rooms.get(sink).write();
            } catch (RuntimeException e) {
                sinkFailed(sinks.get(sink), "write", ticket.beacon(), "the observers still receive what was accepted", e);
            }
        }
    }

    /**
     * Writes an accepted beacon to every sink, to be stored before its answer ({@code beacon.answer-when=stored}).
     *
     * @param ticket what {@link #reserve} took
     * @return completes once every sink has stored it; exceptionally once one gave up on it, or failed to take it
     */
    public CompletableFuture<Void> store(Ticket ticket) {
        List<BeaconSink.Reservation> rooms = ticket.rooms();
        CompletableFuture<?>[] stored = new CompletableFuture<?>[rooms.size()];
        for (int sink = 0; sink < rooms.size(); sink++) {
            try {
                stored[sink] = rooms.get(sink).store().toCompletableFuture();
            } catch (RuntimeException e) {
                sinkFailed(sinks.get(sink), "store", ticket.beacon(), "the beacon is refused 503", e);
                stored[sink] = CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.allOf(stored);
    }

    /**
     * Refuses, at deployment, sinks that cannot say when a beacon is stored, where every answer waits for that.
     *
     * @param sinks the application's sinks
     * @throws IllegalArgumentException naming the setting and the sinks, when there is none, or one cannot
     */
    public static void requireStorageConfirmed(List<BeaconSink> sinks) {
        List<String> unconfirmed = sinks.stream().filter(sink -> !sink.confirmsStorage()).map(Admission::beanClassOf).toList();
        if (sinks.isEmpty() || !unconfirmed.isEmpty()) {
            throw new IllegalArgumentException("The 'beacon.answer-when' setting is 'stored', which answers a beacon once every BeaconSink"
                    + " has stored it, but " + (sinks.isEmpty() ? "the application has no sink (add beacon-kafka)"
                    : "these sinks cannot tell when they have (BeaconSink.confirmsStorage() is false): " + unconfirmed)
                    + ". Set it to 'accepted', or give the application only sinks that confirm storage.");
        }
    }

    /**
     * Gives back the place of an accepted beacon whose observers are done.
     *
     * @param beacon a beacon {@link #reserve} accepted
     */
    public void release(Beacon beacon) {
        budget.release(beacon.size());
    }

    /**
     * What admission gave a beacon: its place and its room in every sink, or why it has neither.
     *
     * @param outcome {@link InFlightBudget.Reservation#TAKEN}, or why not
     * @param beacon the beacon, when taken
     * @param rooms its reservation in each sink, when taken
     */
    public record Ticket(InFlightBudget.Reservation outcome, Beacon beacon, List<BeaconSink.Reservation> rooms) {

        private static final Map<InFlightBudget.Reservation, Ticket> REFUSED = new EnumMap<>(InFlightBudget.Reservation.class);

        static {
            for (InFlightBudget.Reservation outcome : InFlightBudget.Reservation.values()) {
                REFUSED.put(outcome, new Ticket(outcome, null, List.of()));
            }
        }

        /** The same few answers for every beacon refused: nothing to make while refusing under load. */
        static Ticket refused(InFlightBudget.Reservation why) {
            return REFUSED.get(why);
        }
    }

    /**
     * @return whether a beacon would now be refused for want of room: in the budget, or in a sink that says it is full
     */
    public boolean isFull() {
        return budget.isFull() || sinks.stream().anyMatch(Admission::saysFull);
    }

    /** A sink that cannot say is not counted full: readiness is a hint to the balancer, admission still decides. */
    private static boolean saysFull(BeaconSink sink) {
        try {
            return sink.isFull();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void sinkFailed(BeaconSink sink, String step, Beacon beacon, String consequence, RuntimeException failure) {
        failures.failed("Beacon sink " + beanClassOf(sink) + " (" + step + ")", "a beacon to endpoint " + LogText.escape(beacon.endpoint()),
                consequence, failure);
    }

    /** The bean's class, not its CDI client proxy's: Weld names proxies {@code Bean$Proxy$_$$_Weld...}, OpenWebBeans {@code Bean$$Owb...}. */
    private static String beanClassOf(BeaconSink sink) {
        String name = sink.getClass().getName();
        int proxy = name.indexOf("$Proxy$");
        int owb = name.indexOf("$$");
        int end = proxy >= 0 ? proxy : owb;
        return end >= 0 ? name.substring(0, end) : name;
    }
}
