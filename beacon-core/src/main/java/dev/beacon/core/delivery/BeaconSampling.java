package dev.beacon.core.delivery;

import dev.beacon.core.rollup.SampleRates;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Which accepted beacons reach their observers, by endpoint: a fraction of those to each endpoint listed, drawn beacon
 * by beacon; every other beacon, and every beacon to an endpoint not listed, reaches them. A beacon left out was still
 * answered {@code 204} and written to the sinks, which keep every accepted beacon.
 */
final class BeaconSampling {

    /** Every beacon delivered. */
    static final BeaconSampling NONE = new BeaconSampling(Map.of(), () -> 0);

    private final SampleRates rates;
    private final DoubleSupplier random;

    BeaconSampling(Map<String, Double> rates, DoubleSupplier random) {
        this.rates = new SampleRates(1, rates);
        this.random = random;
    }

    /**
     * @param rates the fraction delivered, by endpoint
     * @return the sampling; {@link #NONE} when no endpoint is listed
     */
    static BeaconSampling of(Map<String, Double> rates) {
        return rates.isEmpty() ? NONE : new BeaconSampling(rates, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param endpoint an accepted beacon's endpoint
     * @return whether it reaches its observers
     */
    boolean delivers(String endpoint) {
        if (this == NONE) {
            return true; // nearly every application: not even a lookup
        }
        double rate = rates.of(endpoint);
        return rate >= 1 || random.getAsDouble() < rate;
    }
}
