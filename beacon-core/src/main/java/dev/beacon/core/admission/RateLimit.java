package dev.beacon.core.admission;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How many beacons each client address may send ({@value dev.beacon.core.settings.BeaconConfig#RATE_LIMIT} per second,
 * in bursts of up to {@value dev.beacon.core.settings.BeaconConfig#RATE_LIMIT_BURST}): a token bucket per address, in a
 * table of at most {@value #CLIENTS} addresses, so that a flood of made-up addresses cannot grow the heap.
 * An address pushed out of the table by others starts again with a full bucket.
 */
public final class RateLimit {

    /** Addresses kept at most; about 100 bytes each. */
    static final int CLIENTS = 65_536;

    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final RecentTable<Bucket> buckets;

    /**
     * @param perSecond beacons per second per address; {@code 0} for no limit
     * @param burst beacons an address may send at once
     * @param nanoClock {@link System#nanoTime()}, or a test's clock
     */
    public RateLimit(double perSecond, int burst, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.buckets = perSecond == 0 ? null : new RecentTable<>(CLIENTS);
    }

    /**
     * Takes one beacon's place for the address.
     *
     * @param address the client's address; {@code null} when the runtime does not tell, which is not limited
     * @return empty when the beacon may go on; otherwise how long until the address may send again
     */
    public Optional<Duration> take(String address) {
        if (buckets == null || address == null) {
            return Optional.empty();
        }
        long now = nanoClock.getAsLong();
        return buckets.apply(address, () -> new Bucket(burst, now), bucket -> bucket.take(now));
    }

    /** Tokens, refilled at the rate since the last take. Guarded by its table segment's lock. */
    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        public Optional<Duration> take(long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / NANOS_PER_SECOND);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            // Retry-After counts whole seconds, and a client told 0 would come straight back.
            long seconds = Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
            return Optional.of(Duration.ofSeconds(seconds));
        }
    }
}
