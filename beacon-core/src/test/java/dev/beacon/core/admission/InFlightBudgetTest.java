package dev.beacon.core.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightBudgetTest {

    @Test
    void refusesABeaconWhoseBytesWouldOverrunTheBudgetAndTakesItOnceBytesComeBack() {
        InFlightBudget budget = new InFlightBudget(10, 100);

        assertEquals(InFlightBudget.Reservation.TAKEN, budget.reserve(60));
        assertEquals(InFlightBudget.Reservation.TOO_MANY_BYTES, budget.reserve(41));
        assertEquals(1, budget.beacons(), "a refused beacon keeps no place");
        assertEquals(InFlightBudget.Reservation.TAKEN, budget.reserve(40));
        budget.release(60);
        assertEquals(40, budget.bytes());
        assertEquals(InFlightBudget.Reservation.TAKEN, budget.reserve(60));
    }

    @Test
    void refusesABeaconPastTheCountWhateverItsSize() {
        InFlightBudget budget = new InFlightBudget(1, 100);

        assertEquals(InFlightBudget.Reservation.TAKEN, budget.reserve(0));
        assertEquals(InFlightBudget.Reservation.TOO_MANY_BEACONS, budget.reserve(0));
    }

    @Test
    void closedTakesNoMoreAndClosingAgainReturnsAtOnceWithNothingInFlight() throws Exception {
        InFlightBudget budget = new InFlightBudget(10, 100);
        assertEquals(0, budget.close(Duration.ZERO));

        assertEquals(InFlightBudget.Reservation.CLOSED, budget.reserve(1));
        assertEquals(0, budget.beacons());
        // The first close kept every place: a second that waited for them would wait its whole timeout.
        assertEquals(0, assertTimeoutPreemptively(Duration.ofSeconds(10), () -> budget.close(Duration.ofDays(1))));
    }

    @Test
    void closeCountsWhatIsStillInFlightWhenItsWaitEnds() throws Exception {
        InFlightBudget budget = new InFlightBudget(10, 100);
        budget.reserve(5);
        budget.reserve(5);

        assertEquals(2, budget.close(Duration.ofMillis(1)));
    }
}
