package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.testing.ChromiumBodies.BrowserBody;
import dev.beacon.testing.Polling;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reports operators keep on, on a real server: rolled up each second, the first two of each fault in a window delivered
 * one by one and the rest only counted, at most 200 faults with a rollup of their own per window. Whatever arrives, the
 * rollups' counts add up exactly to the reports sent, and the observers get exactly what the rollups say was delivered.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the flood fills windows the first test's fault must find room in
class ReportRollupsIT {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(60);
    private static final int MOST_FAULTS = 200;
    private static final String PAGE = "https://shop.example/cart";

    @ArquillianResource
    private URL appUrl;

    @Deployment(testable = false)
    static WebArchive anApplicationThatRollsUpItsCspReports() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "rollups.war")
                .addClasses(RollupRecorder.class, RollupRecorder.Recorded.class)
                .setWebXML(LibraryWars.webXml("beacon.reports.rollup-window", "1", "beacon.reports.max-fingerprints", Integer.toString(MOST_FAULTS),
                        "beacon.reports.deliver-first", "2", "beacon.reports.sample-rate", "0"));
        return LibraryWars.withLibraryJars(war, "beacon-api-", "beacon-core-", "beacon-servlet-");
    }

    @Test
    @Order(1)
    void aFaultSentInBothFormatsIsOneRollupAndItsFirstReportsOfEachWindowReachTheObservers() throws Exception {
        Shop app = Shop.at(appUrl);
        String legacy = "{\"csp-report\":{\"document-uri\":\"" + PAGE + "?session=%d\",\"effective-directive\":\"img-src\","
                + "\"violated-directive\":\"img-src 'self'\",\"blocked-uri\":\"https://one-fault.example/p%d.gif\"}}";
        for (int i = 0; i < 3; i++) {
            assertEquals(204, app.post("beacon", "csp", body("application/csp-report", legacy.formatted(i, i))).statusCode());
        }
        assertEquals(204, app.post("beacon", "csp", body("application/reports+json", batch(2, i -> "one-fault.example"))).statusCode());

        Map<String, Long> counts = Polling.until("the fault's five reports counted", () -> countsByFingerprint(app, "one-fault.example"),
                byFingerprint -> byFingerprint.values().stream().mapToLong(Long::longValue).sum() == 5, LONG_ENOUGH);

        assertEquals(1, counts.size(), "legacy and Reporting API bodies of one fault: one fingerprint " + counts);
    }

    @Test
    @Order(2)
    void aFloodOfDistinctBlockedHostsCountsEveryReportInBoundedRollupsAndDeliversWhatTheyPromise() throws Exception {
        Shop app = Shop.at(appUrl);
        long before = countOf(rollupsOf(app, ""));
        long heapBefore = Long.parseLong(app.get("rollups?heap").body().strip());
        int reports = 0;
        // 100,000 reports in batches of 100, about 20 KB each, under the 64 KiB a browser's keepalive request may carry:
        // 10,000 made-up blocked hosts five times each, and 50 real faults 1,000 times each.
        for (int round = 0; round < 500; round++) {
            int from = round % 100 * 100;
            assertAccepted(app.post("beacon", "csp", body("application/reports+json", batch(100, i -> "made-up-" + (from + i) + ".example"))));
            assertAccepted(app.post("beacon", "csp", body("application/reports+json", batch(100, i -> "fault-" + i % 50 + ".example"))));
            reports += 200;
        }
        int sent = reports;

        List<String[]> rollups = Polling.until("every flooded report counted", () -> rollupsOf(app, ""),
                lines -> countOf(lines) >= before + sent, LONG_ENOUGH);
        long heapAfter = Long.parseLong(app.get("rollups?heap").body().strip());

        long counted = countOf(rollups) - before;
        assertEquals(sent, counted, "exactly the reports sent");
        Map<String, Long> perWindow = rollups.stream().filter(line -> !line[1].equals("overflow"))
                .collect(Collectors.groupingBy(line -> line[0], Collectors.counting()));
        assertTrue(perWindow.values().stream().allMatch(faults -> faults <= MOST_FAULTS), perWindow::toString);
        assertTrue(rollups.stream().anyMatch(line -> line[1].equals("overflow")), "10,000 hosts overflowed the cap");
        assertTrue(rollups.stream().allMatch(line -> Long.parseLong(line[3]) <= (line[1].equals("overflow") ? Long.MAX_VALUE : 2)),
                "two of each fault per window, one by one");
        assertEquals(rollups.stream().filter(line -> line[1].equals("overflow")).mapToLong(line -> Long.parseLong(line[2])).sum(),
                counter(app, "overflowed"), "BeaconStatistics.reportsOverflowed() counts what the overflow rollups hold");
        long delivered = rollups.stream().mapToLong(line -> Long.parseLong(line[3])).sum();
        assertEquals(delivered, Polling.until("the observers' count", () -> observed(app), count -> count >= delivered, LONG_ENOUGH));
        System.out.printf("ReportRollupsIT: %,d reports in %,d rollups; heap used after collection %,d KiB before the flood, %,d KiB after%n",
                counted, rollups.size(), heapBefore / 1024, heapAfter / 1024);
        assertTrue(heapAfter - heapBefore < 64L * 1024 * 1024, "the flood left less than 64 MiB behind");
    }

    private static void assertAccepted(HttpResponse<String> answer) {
        assertEquals(204, answer.statusCode(), () -> answer.statusCode() + " " + answer.body());
    }

    private static BrowserBody body(String contentType, String json) {
        return new BrowserBody(contentType, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A Reporting API batch of CSP violations of one page, the i-th blocked at the host given. */
    private static String batch(int size, IntFunction<String> host) {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        for (int i = 0; i < size; i++) {
            batch.add("{\"type\":\"csp-violation\",\"age\":10,\"url\":\"" + PAGE + "\",\"body\":{\"documentURL\":\"" + PAGE
                    + "\",\"blockedURL\":\"https://" + host.apply(i) + "/p.gif\",\"effectiveDirective\":\"img-src\"}}");
        }
        return batch.toString();
    }

    /** @return each rollup line (window start, fingerprint, count, delivered, sample's blocked URL) whose sample holds the text */
    private static List<String[]> rollupsOf(Shop app, String sampleText) throws Exception {
        List<String[]> lines = new ArrayList<>();
        for (String line : app.get("rollups").body().lines().toList()) {
            if (!line.startsWith("observed ") && !line.startsWith("overflowed ") && line.split(" ")[4].contains(sampleText)) {
                lines.add(line.split(" "));
            }
        }
        return lines;
    }

    private static long countOf(List<String[]> rollups) {
        return rollups.stream().mapToLong(line -> Long.parseLong(line[2])).sum();
    }

    private static Map<String, Long> countsByFingerprint(Shop app, String host) throws Exception {
        return rollupsOf(app, host).stream().collect(Collectors.groupingBy(line -> line[1], Collectors.summingLong(line -> Long.parseLong(line[2]))));
    }

    private static long observed(Shop app) throws Exception {
        return counter(app, "observed");
    }

    /** @return the number on the recorder's line of that name */
    private static long counter(Shop app, String name) throws Exception {
        return app.get("rollups").body().lines().filter(line -> line.startsWith(name + " "))
                .mapToLong(line -> Long.parseLong(line.substring(name.length() + 1))).sum();
    }
}
