package dev.beacon.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BeaconRecordsTest {

    /** The room a beacon reserves is the room it gives back, whenever within the second it was received. */
    @Test
    void aRecordsSizeDependsOnWhatWasSentNotOnHowItsReceptionTimePrints() {
        long whole = BeaconRecords.sizeOf(BeaconRecords.of(received(Instant.parse("2026-11-30T12:00:00Z")), "beacons", RecordKey.NONE));
        long nanos = BeaconRecords.sizeOf(BeaconRecords.of(received(Instant.parse("2026-11-30T12:00:00.123456789Z")), "beacons",
                RecordKey.NONE));

        assertEquals(whole, nanos);
        assertTrue(whole >= BeaconRecords.SMALLEST, "no beacon's record is smaller than the smallest");
    }

    private static Beacon received(Instant at) {
        return Beacon.builder("default", "/beacon").body("x".getBytes(StandardCharsets.UTF_8)).receivedAt(at).build();
    }
}
