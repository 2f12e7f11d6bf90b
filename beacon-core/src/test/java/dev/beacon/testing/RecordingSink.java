package dev.beacon.testing;

import dev.beacon.Beacon;
import dev.beacon.BeaconSink;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A sink as an application adds one: it writes every beacon it has room for, and has none for the beacons of
 * endpoints whose names start with {@value #NO_ROOM}, as a sink whose store is away refuses.
 */
@ApplicationScoped
public class RecordingSink implements BeaconSink {

    /** The start of the endpoint names whose beacons this sink has no room for. */
    public static final String NO_ROOM = "no-room-";

    private final Recording<Beacon> reserved = new Recording<>(Beacon::endpoint);
    private final Recording<Beacon> written = new Recording<>(Beacon::endpoint);
    private final Recording<Beacon> cancelled = new Recording<>(Beacon::endpoint);
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
        });
    }
}
