package dev.beacon.bench;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import dev.beacon.ContentType;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Building the {@link Beacon} alone, as the intake does once the body is read and its media type
 * parsed, then reading it as an observer of that body would: {@code text()}, {@code json()} or
 * {@code form()}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class BeaconBuildBenchmark {

    @Param
    public BrowserBody body;

    private InMemoryRequest request;
    private ContentType contentType;

    @Setup
    public void receive() {
        request = new InMemoryRequest(body);
        contentType = ContentType.parse(body.contentType());
    }

    @Benchmark
    public Object buildAndRead(Blackhole blackhole) {
        Beacon.Builder builder = Beacon.builder(BeaconEndpoint.DEFAULT, request.path())
                .contentType(contentType)
                .body(body.bytes())
                .receivedAt(Instant.now())
                .clientAddress(request.clientAddress())
                .headers(request::header);
        request.cookies().forEach(builder::cookie);
        Beacon beacon = builder.build();
        blackhole.consume(beacon);
        return body.readAsObserver(beacon);
    }
}
