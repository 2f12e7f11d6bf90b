package dev.beacon.testing;

import dev.beacon.Beacon;
import dev.beacon.BeaconSink;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sink as an application adds one: it writes every beacon it has room for, and has none for the beacons of
 * endpoints whose names start with {@value #NO_ROOM}, as a sink whose store is away refuses. Asked to store a beacon
 * ({@code beacon.answer-when=stored}), it says so at once, but for the beacons of endpoints whose names start with
 * {@value #HELD}: those it holds until {@link #storeHeld()}, as a broker that has not acknowledged them yet. It takes
 * endpoint {@value #TAKEN} by name, as the Kafka sink takes an endpoint with a topic of its own.
 */
@ApplicationScoped
public class RecordingSink implements BeaconSink {

    /** The start of the endpoint names whose beacons this sink has no room for. */
    public static final String NO_ROOM = "no-room-";
    /** The start of the endpoint names whose beacons are stored only once the test says so. */
    public static final String HELD = "held-";
    /** The endpoint this sink takes by name. */
    public static final String TAKEN = "taken";

    private final Recording<Beacon> reserved = new Recording<>(Beacon::endpoint);
    private final Recording<Beacon> written = new Recording<>(Beacon::endpoint);
    private final Recording<Beacon> cancelled = new Recording<>(Beacon::endpoint);
    private final Recording<Beacon> storing = new Recording<>(Beacon::endpoint);
    private final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();
    private volatile boolean full;

    /** @return every beacon room was held for */
    public Recording<Beacon> reserved() {
        return reserved;
    }

    /** @return every beacon written */
    public Recording<Beacon> written() {
        return written;
    }

    /** @return every beacon whose room was given back */
    public Recording<Beacon> cancelled() {
        return cancelled;
    }

    /** @return every beacon handed over to be stored */
    public Recording<Beacon> storing() {
        return storing;
    }

    /** Stores every beacon held so far. */
    public void storeHeld() {
        held.forEach(stored -> stored.complete(null));
    }

    @Override
    public Set<String> endpoints() {
        return Set.of(TAKEN);
    }

    @Override
    public boolean confirmsStorage() {
        return true;
    }

    /** @param full whether the sink says it has no room at all, as one whose store is away before it was ever reached */
    public void full(boolean full) {
        this.full = full;
    }

    @Override
    public boolean isFull() {
        return full;
    }

    @Override
    public Optional<Reservation> reserve(Beacon beacon) {
        if (full || beacon.endpoint().startsWith(NO_ROOM)) {
            return Optional.empty();
        }
        reserved.add(beacon);
        return Optional.of(new Reservation() {
            @Override
            public void write() {
                written.add(beacon);
            }

            @Override
            public void cancel() {
                cancelled.add(beacon);
            }

            @Override
            public CompletionStage<Void> store() {
                CompletableFuture<Void> stored = new CompletableFuture<>();
                if (beacon.endpoint().startsWith(HELD)) {
                    held.add(stored); // before the test can see it storing, and store what is held
                } else {
                    stored.complete(null);
                }
                storing.add(beacon);
                return stored;
            }
        });
    }
}
