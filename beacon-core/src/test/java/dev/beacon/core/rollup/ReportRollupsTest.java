package dev.beacon.core.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.report.Report;
import dev.beacon.report.ReportRollup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReportRollupsTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static SampleRates rate(double fraction) {
        return new SampleRates(fraction, Map.of());
    }

    @Test
    void eachFingerprintOfAWindowGetsOneRollupWithItsCountTimesPagesClientsAndFirstReportAsSample() {
        AtomicLong now = new AtomicLong(START.toEpochMilli());
        ReportRollups rollups = new ReportRollups(MINUTE, 100, Long.MAX_VALUE, rate(1), () -> Instant.ofEpochMilli(now.get()), () -> 0.5);
        Report first = Reports.csp("csp", "https://ads.example/a.gif", "https://shop.example/cart?session=1", "192.0.2.1", START.plusSeconds(1));
        Report second = Reports.csp("csp", "https://ads.example/b.gif", "https://shop.example/cart?session=2", "192.0.2.2", START.plusSeconds(5));
        Report third = Reports.csp("csp", "https://ads.example/c.gif", "https://shop.example/cart#reviews", "192.0.2.2", START.plusSeconds(3));
        Report other = Reports.csp("csp", "https://cdn.example/x.js", "https://shop.example/home", "192.0.2.9", START.plusSeconds(2));

        for (Report report : List.of(first, second, third, other)) {
            assertTrue(rollups.place(report).deliversOneByOne(), "every report delivered where nothing samples");
        }
        now.set(START.plus(MINUTE).toEpochMilli());
        Map<String, ReportRollup> closed = rollups.closeWindow().stream().collect(Collectors.toMap(ReportRollup::fingerprint, r -> r));

        assertEquals(2, closed.size(), closed::toString);
        ReportRollup ads = closed.get(first.fingerprint());
        assertEquals(List.of(first.fingerprint(), first.fingerprint()), List.of(second.fingerprint(), third.fingerprint()),
                "one blocked origin, one page without its query and fragment: one fault");
        assertEquals(List.of("csp", "csp-violation", 3L, 3L, START.plusSeconds(1), START.plusSeconds(5), 1L, 2L),
                List.of(ads.endpoint(), ads.type(), ads.count(), ads.delivered(), ads.firstSeen(), ads.lastSeen(), ads.distinctPages(),
                        ads.distinctClients()));
        assertEquals(List.of(first.fingerprint(), first.url(), first.beacon().clientAddress(), first.beacon().receivedAt()),
                List.of(ads.sample().fingerprint(), ads.sample().url(), ads.sample().beacon().clientAddress(), ads.sample().beacon().receivedAt()),
                "the first report of the window");
        assertEquals(List.of(START, START.plus(MINUTE)), List.of(ads.windowStart(), ads.windowEnd()));
        assertEquals(1, closed.get(other.fingerprint()).count());
        assertEquals(List.of(), rollups.closeWindow(), "the next window saw nothing");
    }

    @Test
    void deliversTheFirstReportsOfEachFingerprintInAWindowAndSamplesTheRest() {
        double[] draws = {0.05, 0.5, 0.05, 0.5, 0.5};
        int[] drawn = {0};
        ReportRollups rollups = new ReportRollups(MINUTE, 100, 2, rate(0.1), () -> START, () -> draws[drawn[0]++]);

        List<Boolean> delivered = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            delivered.add(rollups.place(Reports.csp("https://ads.example/" + i + ".gif", "192.0.2.1")).deliversOneByOne());
        }
        ReportRollup rollup = rollups.closeWindow().get(0);

        assertEquals(List.of(true, true, true, false, true, false, false), delivered, "two, then those drawn under 0.1");
        assertEquals(List.of(7L, 4L, 3L), List.of(rollup.count(), rollup.delivered(), rollup.sampledOut()));
        assertTrue(rollups.place(Reports.csp("https://ads.example/8.gif", "192.0.2.1")).deliversOneByOne(), "a new window delivers the first again");
    }

    @Test
    void pastTheMostFingerprintsReportsOfNewOnesCountInTheirEndpointsOverflowRollup() {
        ReportRollups rollups = new ReportRollups(MINUTE, 2, Long.MAX_VALUE, rate(1), () -> START, () -> 0);

        int overflowed = 0;
        for (int host = 0; host < 5; host++) {
            for (int copy = 0; copy <= host; copy++) {
                overflowed += rollups.place(Reports.csp("https://host" + host + ".example/p.gif", "192.0.2.1")).overflowed() ? 1 : 0;
            }
        }
        List<ReportRollup> closed = rollups.closeWindow();

        assertEquals(3, closed.size(), closed::toString);
        ReportRollup overflow = closed.stream().filter(ReportRollup::isOverflow).findFirst().orElseThrow();
        assertEquals(List.of("csp", 3L + 4 + 5, 12), List.of(overflow.endpoint(), overflow.count(), overflowed));
        assertEquals(15, closed.stream().mapToLong(ReportRollup::count).sum(), "every report counted once");
    }

    @Test
    void pastSixteenOverflowingEndpointsTheirReportsCountInOneOverflowRollupOfEveryEndpoint() {
        ReportRollups rollups = new ReportRollups(MINUTE, 1, Long.MAX_VALUE, rate(1), () -> START, () -> 0);

        for (int endpoint = 0; endpoint < 100; endpoint++) {
            rollups.place(Reports.csp("made-up-" + endpoint, "https://host" + endpoint + ".example/p.gif", "https://shop.example/",
                    "192.0.2.1", START));
        }
        Map<String, Long> overflowByEndpoint = rollups.closeWindow().stream().filter(ReportRollup::isOverflow)
                .collect(Collectors.toMap(ReportRollup::endpoint, ReportRollup::count));

        assertEquals(17, overflowByEndpoint.size(), overflowByEndpoint::toString);
        assertEquals(100 - 1 - 16, overflowByEndpoint.get("*"), "the first endpoint's fault had the one place");
    }

    @Test
    void theRollupsCountEveryReportExactlyOnceWhileWindowsCloseUnderManyThreads() throws Exception {
        ReportRollups rollups = new ReportRollups(MINUTE, 40, 3, rate(0.25), Instant::now, () -> Math.random());
        int threads = 4;
        int perThread = 5_000;
        ConcurrentLinkedQueue<ReportRollup> closed = new ConcurrentLinkedQueue<>();
        AtomicLong deliveredOneByOne = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        if (rollups.place(Reports.csp("https://host" + (i + thread) % 50 + ".example/p.gif", "192.0.2." + thread)).deliversOneByOne()) {
                            deliveredOneByOne.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Future<?> closer = pool.submit(() -> {
                go.await();
                while (!senders.stream().allMatch(Future::isDone)) {
                    closed.addAll(rollups.closeWindow());
                }
                return null;
            });
            go.countDown();
            for (Future<?> sender : senders) {
                sender.get(60, TimeUnit.SECONDS);
            }
            closer.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        closed.addAll(rollups.closeWindow());

        assertEquals((long) threads * perThread, closed.stream().mapToLong(ReportRollup::count).sum());
        assertEquals(deliveredOneByOne.get(), closed.stream().mapToLong(ReportRollup::delivered).sum());
        assertFalse(closed.stream().anyMatch(rollup -> rollup.count() == 0), "no rollup of nothing");
    }

    @Test
    void withoutAWindowAFractionAloneSamplesAndNothingIsCounted() {
        double[] draws = {0.1, 0.9};
        int[] drawn = {0};
        ReportRollups rollups = new ReportRollups(Duration.ZERO, 100, Long.MAX_VALUE, rate(0.5), () -> START, () -> draws[drawn[0]++]);

        assertTrue(rollups.place(Reports.csp("https://ads.example/a.gif", "192.0.2.1")).deliversOneByOne());
        assertFalse(rollups.place(Reports.csp("https://ads.example/a.gif", "192.0.2.1")).deliversOneByOne());
        assertEquals(List.of(), rollups.closeWindow());
    }

    @Test
    void settingsThatChangeNothingCostNothing() {
        assertTrue(ReportRollups.of(Duration.ZERO, 10_000, Long.MAX_VALUE, SampleRates.ALL) == ReportRollups.OFF);
    }

    @Test
    void aReportTypeListedSamplesAtItsOwnRate() {
        ReportRollups rollups = new ReportRollups(Duration.ZERO, 100, Long.MAX_VALUE, new SampleRates(1, Map.of("csp-violation", 0.0)),
                () -> START, () -> 0.5);

        assertFalse(rollups.place(Reports.csp("https://ads.example/a.gif", "192.0.2.1")).deliversOneByOne());
    }
}
