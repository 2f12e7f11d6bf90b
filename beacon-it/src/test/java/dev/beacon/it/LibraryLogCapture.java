package dev.beacon.it;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Added to a deployment, with {@link LibraryLogServlet}, by the tests that read what the library logs at deployment:
 * every extension sees {@code BeforeBeanDiscovery} before the library's looks at the first observer, long before the
 * servlet starts.
 */
public class LibraryLogCapture implements Extension {

    void keepFromTheStart(@Observes BeforeBeanDiscovery discovery) {
        LibraryLogServlet.keepRecords();
    }
}
