package dev.beacon.core.admission;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Recognises a beacon accepted before within the window, in one of two ways. By its bytes
 * ({@value dev.beacon.core.settings.BeaconConfig#DUPLICATE_WINDOW}): a beacon identical to one accepted from the same
 * client address and endpoint, as {@code visibilitychange} firing twice, a client retrying an unload beacon, or a page
 * sending both {@code sendBeacon} and a fallback produce; identical means the same bytes, compared by a 128-bit hash.
 * By its id ({@value dev.beacon.core.settings.BeaconConfig#DUPLICATE_ID_WINDOW}): a beacon sent again with the id it
 * was sent with, from any address, as {@code beacon.js} resends what it has no answer for. At most {@value #KEPT}
 * recent beacons are remembered, the oldest forgotten first. Not a security feature: a client that changes one byte,
 * or its id, is new.
 */
public final class DuplicateWindow {

    /** Recent beacons remembered at most; about 150 bytes each. */
    static final int KEPT = 65_536;

    private final long windowNanos;
    private final LongSupplier nanoClock;
    /** When each recent beacon was accepted: one slot per key, changed under the table's lock. */
    private final RecentTable<long[]> acceptedAt;

    /**
     * @param window how long an accepted beacon is remembered; zero for never
     * @param nanoClock {@link System#nanoTime()}, or a test's clock
     */
    public DuplicateWindow(Duration window, LongSupplier nanoClock) {
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        this.acceptedAt = window.isZero() ? null : new RecentTable<>(KEPT);
    }

    /**
     * Claims a beacon as the first with these bytes within the window.
     *
     * @param endpoint its endpoint
     * @param clientAddress its client's address, {@code null} when unknown
     * @param body its decoded body
     * @return its key, to {@link #release} if it is not accepted after all; {@code null} when it is a
     *         duplicate, or when no window is configured
     */
    public String claim(String endpoint, String clientAddress, byte[] body) {
        return acceptedAt == null ? null : claim(keyOf(endpoint, clientAddress, body));
    }

    /**
     * Claims a beacon as the first with this id at its endpoint within the window.
     *
     * @param endpoint its endpoint
     * @param id the id its client gave it
     * @return its key, to {@link #release} if it is not accepted after all; {@code null} when it is a
     *         duplicate, or when no window is configured
     */
    public String claimId(String endpoint, String id) {
        return acceptedAt == null ? null : claim(endpoint + '\0' + id);
    }

    private String claim(String key) {
        long now = nanoClock.getAsLong();
        boolean first = acceptedAt.apply(key, () -> new long[] {now - windowNanos}, slot -> {
            if (now - slot[0] < windowNanos) {
                return false;
            }
            slot[0] = now;
            return true;
        });
        return first ? key : null;
    }

    /**
     * @return whether a window is configured: without one, {@link #claim} never answers a duplicate
     */
    public boolean isOn() {
        return acceptedAt != null;
    }

    /**
     * Forgets a claimed beacon that was refused after all, so that its retry is not taken for a duplicate.
     *
     * @param key what {@link #claim} returned
     */
    public void release(String key) {
        acceptedAt.remove(key);
    }

    private static String keyOf(String endpoint, String clientAddress, byte[] body) {
        // Two independent 64-bit hashes of the bytes: a chance collision within one client's window is not a concern.
        long first = 0xcbf29ce484222325L;
        long second = 17;
        for (byte b : body) {
            first = (first ^ b) * 0x100000001b3L;
            second = second * 31 + b;
        }
        return endpoint + '\0' + (clientAddress == null ? "" : clientAddress) + '\0' + Long.toHexString(first) + Long.toHexString(second)
                + '\0' + body.length;
    }
}
