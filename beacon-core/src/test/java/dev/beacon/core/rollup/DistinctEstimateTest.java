package dev.beacon.core.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistinctEstimateTest {

    @Test
    void countsAFewValuesExactlyAndRepeatsOnce() {
        DistinctEstimate estimate = new DistinctEstimate();
        for (int repeat = 0; repeat < 100; repeat++) {
            estimate.add("https://shop.example/cart");
            estimate.add("https://shop.example/home");
            estimate.add("https://shop.example/pay");
            estimate.add(null);
        }
        assertEquals(3, estimate.estimate());
    }

    @Test
    void estimatesManyValuesWithinItsErrorInSixtyFourBytes() {
        for (int distinct : new int[] {1_000, 100_000}) {
            DistinctEstimate estimate = new DistinctEstimate();
            for (int i = 0; i < distinct; i++) {
                estimate.add("198.51." + (i >> 8 & 255) + "." + (i & 255) + "/" + (i >> 16));
            }
            double error = Math.abs(estimate.estimate() - distinct) / (double) distinct;
            assertTrue(error < 0.4, () -> distinct + " distinct estimated as " + estimate.estimate()); // three standard errors
        }
    }

    @Test
    void knowsNothingWasSeen() {
        assertEquals(0, new DistinctEstimate().estimate());
    }
}
