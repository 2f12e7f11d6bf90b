package dev.beacon.core.console;

import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.report.ReportRollup;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults the reports of the last windows tell of, from each window's rollups: the most reported of each window, so
 * that memory stays bounded however many fingerprints a flood brings, and the top of them over every window kept, each
 * with its count window by window.
 */
final class FaultHistory {

    /** How many of a window's most reported faults are kept: a fault past them is too rare to make the top. */
    static final int KEPT_PER_WINDOW = 100;

    private final int windowsKept;
    private final Deque<Window> windows = new ArrayDeque<>();

    /**
     * @param windowsKept how many windows are kept
     */
    FaultHistory(int windowsKept) {
        this.windowsKept = windowsKept;
    }

    /**
     * @param end when the window ended
     * @param rollups its rollups
     */
    void windowClosed(Instant end, List<ReportRollup> rollups) {
        Map<Fault, Long> counts = new LinkedHashMap<>();
        rollups.stream().sorted(Comparator.comparingLong(ReportRollup::count).reversed()).limit(KEPT_PER_WINDOW)
                .forEach(rollup -> counts.put(Fault.of(rollup), rollup.count()));
        synchronized (this) {
            windows.addLast(new Window(end, counts));
            while (windows.size() > windowsKept) {
                windows.removeFirst();
            }
        }
    }

    /**
     * @param most how many faults
     * @return the most reported faults over the windows kept, most first, each with its count in every window kept
     */
    synchronized Top top(int most) {
        Map<Fault, Long> totals = new HashMap<>();
        Map<Fault, Fault> latest = new HashMap<>(); // a fault's sample as its last window had it
        for (Window window : windows) {
            window.counts().forEach((fault, count) -> {
                totals.merge(fault, count, Long::sum);
                latest.put(fault, fault);
            });
        }
        List<Fault> faults = totals.keySet().stream()
                .sorted(Comparator.comparing((Fault fault) -> totals.get(fault)).reversed().thenComparing(Fault::fingerprint)).limit(most).toList();
        List<Instant> ends = windows.stream().map(Window::end).toList();
        List<TopFault> top = new ArrayList<>(faults.size());
        for (Fault fault : faults) {
            long[] perWindow = windows.stream().mapToLong(window -> window.counts().getOrDefault(fault, 0L)).toArray();
            top.add(new TopFault(latest.get(fault), totals.get(fault), perWindow));
        }
        return new Top(ends, top);
    }

    /**
     * The top faults.
     *
     * @param windowEnds when each window kept ended, oldest first
     * @param faults the faults, most reported first
     */
    record Top(List<Instant> windowEnds, List<TopFault> faults) {
    }

    /**
     * One of the top faults.
     *
     * @param fault which
     * @param total its reports in every window kept
     * @param perWindow its reports window by window, oldest first, as {@link Top#windowEnds()}
     */
    record TopFault(Fault fault, long total, long[] perWindow) {
    }

    /**
     * A fault, as one endpoint's reports of one fingerprint; equal by those alone.
     *
     * @param endpoint the endpoint its reports came to
     * @param fingerprint their fingerprint
     * @param type their report type
     * @param description what its fingerprint is made of, readable, from a sample
     */
    record Fault(String endpoint, String fingerprint, String type, String description) {

        static Fault of(ReportRollup rollup) {
            String description = rollup.isOverflow()
                    ? "reports of the fingerprints past " + BeaconConfig.REPORT_MAX_FINGERPRINTS + ", of any fault"
                    : String.join("  ", rollup.sample().fingerprintParts());
            return new Fault(rollup.endpoint(), rollup.fingerprint(), rollup.type(), description);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Fault fault && endpoint.equals(fault.endpoint) && fingerprint.equals(fault.fingerprint);
        }

        @Override
        public int hashCode() {
            return 31 * endpoint.hashCode() + fingerprint.hashCode();
        }
    }

    private record Window(Instant end, Map<Fault, Long> counts) {
    }
}
