package dev.beacon.core.delivery;

import dev.beacon.core.observe.LogText;
import dev.beacon.core.observe.OncePerName;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Beacons that reach no observer at an endpoint no observer names, while observers name others: most often a page that
 * posts to {@code /beacon/vital} while the only observer says {@code @BeaconEndpoint("vitals")}. Such beacons are
 * answered {@code 204} and reach at most the sinks, so nothing else would ever say so. Logged once per endpoint, for
 * the first {@value #MOST_NAMES} names: clients choose endpoint names, and could otherwise fill the log.
 */
final class UnobservedEndpoints {

    private static final Logger LOGGER = Logger.getLogger(UnobservedEndpoints.class.getName());
    static final int MOST_NAMES = 20;

    private final OncePerName said = new OncePerName(MOST_NAMES);

    /**
     * @param endpoint the endpoint of a beacon, which no observer names
     * @param named the endpoints observers name
     * @return whether it would be said if its beacon reached no observer: observers name others, and neither it nor
     *         the most endpoints were said already. Asked first, so that most beacons skip the look for observers
     */
    boolean wouldSay(String endpoint, Set<String> named) {
        return !named.isEmpty() && said.wouldSay(endpoint);
    }

    /**
     * @param endpoint the endpoint of a beacon that reached no observer, which {@link #wouldSay} said would be said
     * @param named the endpoints observers name
     */
    void arrived(String endpoint, Set<String> named) {
        if (!said.claim(endpoint)) {
            return; // another thread said it, or the most endpoints, first
        }
        LOGGER.warning(() -> "A beacon to endpoint " + LogText.escape(endpoint) + " reached no observer: none names that endpoint, and"
                + " none observes every endpoint; observers name " + LogText.names(named) + ". Only sinks receive such beacons."
                + said.ending());
    }
}
