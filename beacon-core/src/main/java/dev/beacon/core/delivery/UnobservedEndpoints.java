package dev.beacon.core.delivery;

import dev.beacon.core.observe.LogText;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Beacons that reach no observer at an endpoint no observer names, while observers name others: most often a page that
 * posts to {@code /beacon/vital} while the only observer says {@code @BeaconEndpoint("vitals")}. Such beacons are
 * answered {@code 204} and reach at most the sinks, so nothing else would ever say so. Logged once per endpoint, for
 * the first {@value #MOST_NAMES} names: clients choose endpoint names, and could otherwise fill the log.
 */
final class UnobservedEndpoints {

    private static final Logger LOGGER = Logger.getLogger(UnobservedEndpoints.class.getName());
    static final int MOST_NAMES = 20;

    private final Set<String> said = ConcurrentHashMap.newKeySet();

    /**
     * @param endpoint the endpoint of a beacon, which no observer names
     * @param named the endpoints observers name
     * @return whether it would be said if its beacon reached no observer: observers name others, and neither it nor
     *         the most endpoints were said already. Asked first, so that most beacons skip the look for observers
     */
    boolean wouldSay(String endpoint, Set<String> named) {
        return !named.isEmpty() && said.size() < MOST_NAMES && !said.contains(endpoint);
    }

    /**
     * @param endpoint the endpoint of a beacon that reached no observer, which {@link #wouldSay} said would be said
     * @param named the endpoints observers name
     */
    void arrived(String endpoint, Set<String> named) {
        if (said.size() >= MOST_NAMES || !said.add(endpoint)) {
            return; // another thread said it, or the most endpoints, first
        }
        String observed = new TreeSet<>(named).stream().map(LogText::escape).collect(Collectors.joining(", "));
        LOGGER.warning(() -> "A beacon to endpoint " + LogText.escape(endpoint) + " reached no observer: none names that endpoint, and"
                + " none observes every endpoint; observers name " + observed + ". Only sinks receive such beacons. Logged once per endpoint"
                + (said.size() >= MOST_NAMES ? "; this is the last of " + MOST_NAMES + " endpoints logged." : ", for the first " + MOST_NAMES + "."));
    }
}
