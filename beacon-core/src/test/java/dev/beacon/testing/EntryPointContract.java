package dev.beacon.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A contract every entry point keeps, each test starting the entry point with its own settings, against a real CDI
 * container that holds the test observers and sink.
 */
public abstract class EntryPointContract {

    protected final HttpClient http = HttpClient.newHttpClient();
    private final EntryPoint entryPoint;
    private TestContainer container;

    protected EntryPointContract(EntryPoint entryPoint) {
        this.entryPoint = entryPoint;
    }

    @BeforeEach
    void startContainer() {
        container = TestContainer.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        try {
            entryPoint.close();
        } finally {
            container.close();
        }
    }

    /**
     * @param settings the application's context parameters
     * @return the base URI of the beacon paths
     */
    protected URI start(Map<String, String> settings) throws Exception {
        return entryPoint.start(settings);
    }

    protected RecordingObservers observers() {
        return container.bean(RecordingObservers.class);
    }

    protected RecordingSink sink() {
        return container.bean(RecordingSink.class);
    }
}
