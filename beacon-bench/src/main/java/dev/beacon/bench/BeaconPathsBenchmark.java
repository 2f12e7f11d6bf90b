package dev.beacon.bench;

import dev.beacon.core.exchange.BeaconPaths;
import dev.beacon.core.settings.BeaconConfig;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recognising the path, which the filter does for every request it sees: the bare beacon path, a
 * named endpoint, and a page of the application that is no beacon path at all.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class BeaconPathsBenchmark {

    @Param({"/beacon", "/beacon/vitals", "/products/42"})
    public String path;

    private final BeaconPaths paths = new BeaconPaths(BeaconConfig.defaults().paths());

    @Benchmark
    public Optional<String> endpointOf() {
        return paths.endpointOf(path);
    }
}
