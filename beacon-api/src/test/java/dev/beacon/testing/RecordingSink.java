package dev.beacon.testing;

import dev.beacon.Beacon;
import dev.beacon.BeaconSink;
import jakarta.enterprise.context.ApplicationScoped;

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

    @Override
    public boolean reserve(Beacon beacon) {
        if (beacon.endpoint().startsWith(NO_ROOM)) {
            return false;
        }
        reserved.add(beacon);
        return true;
    }

    @Override
    public void write(Beacon beacon) {
        written.add(beacon);
    }

    @Override
    public void cancel(Beacon beacon) {
        cancelled.add(beacon);
    }
}
