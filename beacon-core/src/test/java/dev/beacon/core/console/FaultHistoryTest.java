package dev.beacon.core.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.beacon.Beacon;
import dev.beacon.ContentType;
import dev.beacon.report.Report;
import dev.beacon.report.ReportReader;
import dev.beacon.report.ReportRollup;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultHistoryTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void theTopFaultsAreTheMostReportedOverTheWindowsKeptEachWithItsCountWindowByWindow() {
        FaultHistory history = new FaultHistory(3);
        history.windowClosed(START.plusSeconds(60), List.of(rollup("ads.example", 5), rollup("cdn.example", 2)));
        history.windowClosed(START.plusSeconds(120), List.of(rollup("cdn.example", 9)));

        FaultHistory.Top top = history.top(10);

        assertEquals(List.of(START.plusSeconds(60), START.plusSeconds(120)), top.windowEnds());
        assertEquals(List.of("img-src  https://cdn.example  https://shop.example/cart", "img-src  https://ads.example  https://shop.example/cart"),
                top.faults().stream().map(fault -> fault.fault().description()).toList());
        assertEquals(List.of(11L, 5L), top.faults().stream().map(FaultHistory.TopFault::total).toList());
        assertArrayEquals(new long[] {2, 9}, top.faults().get(0).perWindow());
        assertArrayEquals(new long[] {5, 0}, top.faults().get(1).perWindow());
    }

    @Test
    void forgetsTheOldestWindowAndListsNoMoreThanAsked() {
        FaultHistory history = new FaultHistory(2);
        history.windowClosed(START.plusSeconds(60), List.of(rollup("old.example", 1000)));
        history.windowClosed(START.plusSeconds(120), List.of(rollup("a.example", 1), rollup("b.example", 2)));
        history.windowClosed(START.plusSeconds(180), List.of(rollup("c.example", 3)));

        FaultHistory.Top top = history.top(2);

        assertEquals(List.of("c.example", "b.example"), top.faults().stream().map(fault -> host(fault.fault().description())).toList());
    }

    @Test
    void keepsAWindowsMostReportedFaultsOnlySoThatAFloodCostsBoundedMemory() {
        FaultHistory history = new FaultHistory(1);
        List<ReportRollup> flood = new ArrayList<>();
        IntStream.range(0, 1000).forEach(i -> flood.add(rollup("made-up-" + i + ".example", 1 + i)));

        history.windowClosed(START.plusSeconds(60), flood);

        assertEquals(FaultHistory.KEPT_PER_WINDOW, history.top(Integer.MAX_VALUE).faults().size());
        assertEquals("made-up-999.example", host(history.top(1).faults().get(0).fault().description()));
    }

    @Test
    void anOverflowRollupSaysWhatItCounts() {
        FaultHistory history = new FaultHistory(1);
        ReportRollup overflow = new ReportRollup("csp", ReportRollup.OVERFLOW, "csp-violation", 40, 0, START, START, 1, 1,
                report("made-up.example"), START, START.plusSeconds(60));

        history.windowClosed(START.plusSeconds(60), List.of(overflow));

        assertEquals("reports of the fingerprints past beacon.reports.max-fingerprints, of any fault",
                history.top(1).faults().get(0).fault().description());
    }

    private static String host(String description) {
        return description.split(" {2}")[1].substring("https://".length());
    }

    static ReportRollup rollup(String blockedHost, long count) {
        Report sample = report(blockedHost);
        return new ReportRollup("csp", sample.fingerprint(), sample.type(), count, count, START, START, 1, 1, sample, START, START.plusSeconds(60));
    }

    static Report report(String blockedHost) {
        String page = "https://shop.example/cart";
        String batch = "[{\"type\":\"csp-violation\",\"url\":\"" + page + "?session=1\",\"body\":{\"blockedURL\":\"https://" + blockedHost
                + "/p.gif\",\"documentURL\":\"" + page + "?session=1\",\"effectiveDirective\":\"img-src\"}}]";
        Beacon beacon = Beacon.builder("csp", "/beacon/csp").contentType(ContentType.parse("application/reports+json"))
                .body(batch.getBytes(StandardCharsets.UTF_8)).clientAddress("192.0.2.1").receivedAt(START).build();
        return ReportReader.read(beacon).reports().get(0);
    }
}
