package dev.beacon.bench.baseline;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Lists no classes: the hand-written resource and, where its jar is present, the library's are found. */
@ApplicationPath("/api")
public class BenchApplication extends Application {
}
