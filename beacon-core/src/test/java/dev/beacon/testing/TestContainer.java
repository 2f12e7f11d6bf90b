package dev.beacon.testing;

import dev.beacon.core.cdi.BeaconExtension;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A real CDI container (Weld SE) holding the test observers and a sink, as the application's container would.
 */
public final class TestContainer implements AutoCloseable {

    private final WeldContainer weld;

    private TestContainer(WeldContainer weld) {
        this.weld = weld;
    }

    public static TestContainer start() {
        return new TestContainer(new Weld()
                .disableDiscovery()
                .addBeanClasses(RecordingObservers.class, FaultyObservers.class, SlowObserver.class, RecordingSink.class)
                .addExtension(new BeaconExtension())
                .initialize());
    }

    public <T> T bean(Class<T> type) {
        return weld.select(type).get();
    }

    @Override
    public void close() {
        weld.shutdown();
    }
}
