package dev.beacon.testing;

import java.net.URI;
import java.util.Map;

/**
 * An entry point under test, started on a real server with the settings a test gives: the filter in Jetty, the resource in
 * Jersey. The contracts every entry point keeps run against each.
 */
public interface EntryPoint extends AutoCloseable {

    /**
     * @param settings the application's context parameters
     * @return the base URI of the beacon paths, e.g. {@code http://127.0.0.1:PORT/app/beacon}
     */
    URI start(Map<String, String> settings) throws Exception;
}
