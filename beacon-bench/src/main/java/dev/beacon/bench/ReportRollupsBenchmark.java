package dev.beacon.bench;

import dev.beacon.BeaconEndpoint;
import dev.beacon.core.cdi.BeaconExtension;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.intake.BeaconIntake;
import dev.beacon.core.runtime.BeaconRuntime;
import dev.beacon.report.CspViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reports per second through the whole intake and delivery, with rollups and sampling off, rollups on, and rollups with
 * sampling on: each call is one Reporting API batch of ten CSP violations to endpoint {@code csp}, whose synchronous
 * {@code CspViolation} observer only counts, the batches going round 1,000 distinct faults, as a site with one noisy
 * page and many small ones would send. Reports per second is ten divided by the time per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ReportRollupsBenchmark {

    private static final int BATCHES = 100;
    private static final int REPORTS_PER_BATCH = 10;

    /** The settings of each mode: what an application sets in its configuration. */
    public enum Mode {
        OFF(Map.of()),
        ROLLUPS(Map.of("beacon.reports.rollup-window", "60")),
        ROLLUPS_AND_SAMPLING(Map.of("beacon.reports.rollup-window", "60", "beacon.reports.deliver-first", "10",
                "beacon.reports.sample-rate", "0.01"));

        final Map<String, String> settings;

        Mode(Map<String, String> settings) {
            this.settings = settings;
        }
    }

    @Param
    public Mode mode;

    private WeldContainer container;
    private BeaconIntake intake;
    private InMemoryRequest[] batches;
    private int next;

    @Setup(Level.Trial)
    public void startContainer() {
        container = new Weld().disableDiscovery().addBeanClasses(ViolationCounter.class).addExtension(new BeaconExtension()).initialize();
        intake = BeaconRuntime.of(ApplicationContext.started(mode.settings)).intake();
        batches = new InMemoryRequest[BATCHES];
        for (int batch = 0; batch < BATCHES; batch++) {
            batches[batch] = new InMemoryRequest("application/reports+json", batchOf(batch).getBytes(StandardCharsets.UTF_8));
        }
        deliver();
        if (container.select(ViolationCounter.class).get().violations() != REPORTS_PER_BATCH) {
            throw new IllegalStateException("The observer did not receive the batch's reports: delivery is not what is measured");
        }
    }

    @TearDown(Level.Trial)
    public void stopContainer() {
        container.shutdown();
    }

    @Benchmark
    public Answer deliver() {
        InMemoryRequest batch = batches[next];
        next = (next + 1) % BATCHES;
        Answer answer = intake.answer(batch, "csp");
        if (answer.status() != 204) {
            throw new IllegalStateException("Batch refused with " + answer.status() + ": " + answer.reason().orElse(""));
        }
        answer.deliver();
        return answer;
    }

    /** Ten violations, each of one of 1,000 faults: a blocked host per fault, on one page. */
    private static String batchOf(int batch) {
        StringJoiner reports = new StringJoiner(",", "[", "]");
        for (int i = 0; i < REPORTS_PER_BATCH; i++) {
            reports.add("{\"type\":\"csp-violation\",\"age\":10,\"url\":\"https://shop.example/cart\",\"body\":{\"documentURL\":"
                    + "\"https://shop.example/cart\",\"blockedURL\":\"https://fault-" + (batch * REPORTS_PER_BATCH + i)
                    + ".example/p.gif\",\"effectiveDirective\":\"img-src\",\"originalPolicy\":\"img-src 'self'\"}}");
        }
        return reports.toString();
    }

    /** The cheapest observer of the endpoint's violations: it only counts. */
    @ApplicationScoped
    public static class ViolationCounter {

        private final LongAdder violations = new LongAdder();

        void onViolation(@Observes @BeaconEndpoint("csp") CspViolation violation) {
            violations.increment();
        }

        long violations() {
            return violations.sum();
        }
    }
}
