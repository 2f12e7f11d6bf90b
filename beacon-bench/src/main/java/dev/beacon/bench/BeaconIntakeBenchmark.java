package dev.beacon.bench;

import dev.beacon.BeaconEndpoint;
import dev.beacon.core.cdi.BeaconExtension;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.intake.BeaconIntake;
import dev.beacon.core.runtime.BeaconRuntime;
import java.util.concurrent.TimeUnit;
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
 * The whole intake of one beacon, from the request to the accepted {@link Answer}: origin and media
 * type checks, reading the body into its buffer, decoding ({@code identity}), building the
 * {@link dev.beacon.Beacon} and proving it readable as its media type; then its delivery. Through the entry point
 * the library's resource uses, {@code BeaconRuntime.of(ServletContext).intake().answer(...)}, with the
 * application's default settings, so that what is measured is the code a server runs.
 * <p>
 * {@link #accept()} is the hot path the allocation target is about: a beacon to an endpoint no observer names, whose
 * delivery has nothing to notify and gives its in-flight place straight back; {@link #acceptAndDeliver()} adds what
 * delivery to one synchronous observer costs, in a real CDI container.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class BeaconIntakeBenchmark {

    /** An endpoint no observer names: delivery has nothing to notify. */
    private static final String UNOBSERVED = "unobserved";

    @Param
    public BrowserBody body;

    private WeldContainer container;
    private BeaconIntake intake;
    private InMemoryRequest request;

    @Setup(Level.Trial)
    public void startContainer() {
        container = new Weld()
                .disableDiscovery()
                .addBeanClasses(CountingObserver.class)
                .addExtension(new BeaconExtension())
                .initialize();
        intake = BeaconRuntime.of(ApplicationContext.started()).intake();
        request = new InMemoryRequest(body);

        acceptAndDeliver();
        if (container.select(CountingObserver.class).get().beacons() != 1) {
            throw new IllegalStateException("The observer did not receive the accepted beacon: delivery is not what is measured");
        }
    }

    @TearDown(Level.Trial)
    public void stopContainer() {
        container.shutdown();
    }

    @Benchmark
    public Answer accept() {
        Answer answer = accepted(intake.answer(request, UNOBSERVED));
        answer.deliver();
        return answer;
    }

    @Benchmark
    public Answer acceptAndDeliver() {
        Answer answer = accepted(intake.answer(request, BeaconEndpoint.DEFAULT));
        answer.deliver();
        return answer;
    }

    /** A refusal would measure another path than the one named: stop the run instead. */
    private static Answer accepted(Answer answer) {
        if (answer.status() != 204) {
            throw new IllegalStateException("Beacon refused with " + answer.status() + ": " + answer.reason().orElse(""));
        }
        return answer;
    }
}
