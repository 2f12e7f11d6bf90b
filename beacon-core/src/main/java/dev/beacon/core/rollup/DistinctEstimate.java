package dev.beacon.core.rollup;

/**
 * How many distinct values were seen, in 64 bytes however many there were: a HyperLogLog of 64 registers, close to
 * exact for a handful of values and within about 13 % (one standard error) past a few dozen. A fault's rollup keeps two, for its pages and its clients, so
 * that a flood of one fault from a million clients costs what one client's does.
 */
final class DistinctEstimate {

    private static final int REGISTERS = 64;
    private static final int INDEX_BITS = 6;
    /** The bias correction of a 64-register HyperLogLog (Flajolet et al., 2007). */
    private static final double ALPHA = 0.709;

    private final byte[] registers = new byte[REGISTERS];

    /**
     * @param value a value seen; {@code null} is no value
     */
    void add(String value) {
        if (value == null) {
            return;
        }
        long hash = mix(value.hashCode() * 0x9E3779B97F4A7C15L + value.length());
        int index = (int) (hash >>> (Long.SIZE - INDEX_BITS));
        // The position of the first 1 bit among the rest; a sentinel bit keeps it within the register's range.
        byte rank = (byte) (Long.numberOfLeadingZeros((hash << INDEX_BITS) | (1L << (INDEX_BITS - 1))) + 1);
        if (rank > registers[index]) {
            registers[index] = rank;
        }
    }

    /**
     * @return the estimated number of distinct values added
     */
    long estimate() {
        double sum = 0;
        int empty = 0;
        for (byte register : registers) {
            sum += 1.0 / (1L << register);
            if (register == 0) {
                empty++;
            }
        }
        double raw = ALPHA * REGISTERS * REGISTERS / sum;
        if (raw <= 2.5 * REGISTERS && empty > 0) {
            return Math.round(REGISTERS * Math.log((double) REGISTERS / empty)); // few values: count the empty registers
        }
        return Math.round(raw);
    }

    /** Spreads a 64-bit value's bits (the finaliser of MurmurHash3), so that similar strings land far apart. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
