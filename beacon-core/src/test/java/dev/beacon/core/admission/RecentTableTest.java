package dev.beacon.core.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentTableTest {

    /** A flood of made-up addresses: the table stays within its bound, however many arrive. */
    @Test
    void holdsNoMoreThanItsCapacityHoweverManyKeysArrive() {
        RecentTable<int[]> table = new RecentTable<>(1024);

        for (int i = 0; i < 200_000; i++) {
            table.apply("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), () -> new int[1], entry -> entry[0]++);
        }

        assertTrue(table.size() <= 1024, () -> table.size() + " entries");
        assertTrue(table.size() > 512, () -> table.size() + " entries: the segments share the capacity");
    }

    @Test
    void keepsTheEntryOfAKeyUsedAgainAndForgetsARemovedOne() {
        RecentTable<int[]> table = new RecentTable<>(1024);
        AtomicInteger created = new AtomicInteger();

        for (int i = 0; i < 3; i++) {
            table.apply("198.51.100.1", () -> new int[] {created.incrementAndGet()}, entry -> entry[0]);
        }
        assertEquals(1, created.get());
        table.remove("198.51.100.1");
        table.apply("198.51.100.1", () -> new int[] {created.incrementAndGet()}, entry -> entry[0]);
        assertEquals(2, created.get());
    }
}
