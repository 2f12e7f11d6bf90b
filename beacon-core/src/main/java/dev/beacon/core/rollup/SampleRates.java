package dev.beacon.core.rollup;

import java.util.Map;

/**
 * The fraction of events delivered one by one, by name (a report type, or an endpoint), and for every other name.
 *
 * @param byDefault the fraction for a name not listed, from 0 to 1
 * @param byName the fraction of each name listed, from 0 to 1
 */
public record SampleRates(double byDefault, Map<String, Double> byName) {

    /** Everything delivered. */
    public static final SampleRates ALL = new SampleRates(1, Map.of());

    /**
     * @param byDefault the fraction for a name not listed
     * @param byName the fraction of each name listed
     */
    public SampleRates {
        byName = Map.copyOf(byName);
    }

    /**
     * @param name a report type or an endpoint
     * @return the fraction of its events delivered one by one
     */
    public double of(String name) {
        return byName.getOrDefault(name, byDefault);
    }

    /**
     * @return whether every event is delivered, whatever its name
     */
    public boolean deliversAll() {
        return byDefault >= 1 && byName.values().stream().allMatch(rate -> rate >= 1);
    }
}
