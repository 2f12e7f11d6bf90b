package dev.beacon.core.delivery;

import dev.beacon.BeaconEndpoint;
import dev.beacon.core.observe.LogText;
import dev.beacon.core.observe.OncePerName;
import dev.beacon.core.settings.BeaconConfig;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Beacons to an endpoint no observer names, while observers name others: most often a page that posts to
 * {@code /beacon/vital} while the observer says {@code @BeaconEndpoint("vitals")}. Such beacons are answered
 * {@code 204} and reach at most the sinks and the observers of every endpoint, so nothing else would ever say so.
 * Said once per endpoint, for the first {@value #MOST_NAMES} names (clients choose endpoint names, and could otherwise
 * fill the log): when a beacon reached no observer at all; or when it reached only the observers of every endpoint at
 * an endpoint nothing names, neither an observer nor {@value BeaconConfig#ENDPOINTS}. The bare base path's endpoint and
 * the listed ones are known: their beacons are meant for the observers of every endpoint. An endpoint a sink takes by
 * name ({@link dev.beacon.BeaconSink#endpoints()}) is never said: its beacons are meant for that sink.
 */
final class UnobservedEndpoints {

    private static final Logger LOGGER = Logger.getLogger(UnobservedEndpoints.class.getName());
    static final int MOST_NAMES = 20;

    private final Set<String> known;
    private final OncePerName said = new OncePerName(MOST_NAMES);
    /** The endpoints a sink takes by name, and the known ones whose beacons reach an observer of every endpoint. */
    private final Set<String> settled = ConcurrentHashMap.newKeySet();

    /**
     * @param listed the endpoints {@value BeaconConfig#ENDPOINTS} lists
     */
    UnobservedEndpoints(Set<String> listed) {
        Set<String> all = new HashSet<>(listed);
        all.add(BeaconEndpoint.DEFAULT);
        this.known = Set.copyOf(all);
    }

    /**
     * @param endpoint the endpoint of a beacon, which no observer names
     * @param named the endpoints observers name
     * @return whether its arrival may be said: observers name others, and it was neither settled nor said, nor the most
     *         endpoints. Asked first, so that most beacons skip the look for observers
     */
    boolean wouldSay(String endpoint, Set<String> named) {
        return !named.isEmpty() && !settled.contains(endpoint) && said.wouldSay(endpoint);
    }

    /**
     * @param endpoint the endpoint of a beacon, which {@link #wouldSay} said may be said
     * @param named the endpoints observers name
     * @param reachedAnObserver whether an observer of every endpoint receives the beacon
     * @param takenBySink whether a sink takes the endpoint by name
     */
    void arrived(String endpoint, Set<String> named, boolean reachedAnObserver, boolean takenBySink) {
        if (takenBySink || reachedAnObserver && known.contains(endpoint)) {
            settled.add(endpoint);
            return;
        }
        if (!said.claim(endpoint)) {
            return; // another thread said it, or the most endpoints, first
        }
        if (reachedAnObserver) {
            LOGGER.warning(() -> "A beacon to endpoint " + LogText.escape(endpoint) + " reached only the observers of every endpoint:"
                    + " no observer names that endpoint, nor a sink, nor " + BeaconConfig.ENDPOINTS + "; observers name " + LogText.names(named)
                    + ". If the endpoint is meant, list it in " + BeaconConfig.ENDPOINTS + "; " + BeaconConfig.UNKNOWN_ENDPOINTS
                    + "=refuse answers 404 to beacons to endpoints nothing names." + said.ending());
        } else {
            LOGGER.warning(() -> "A beacon to endpoint " + LogText.escape(endpoint) + " reached no observer: none names that endpoint, and"
                    + " none observes every endpoint; observers name " + LogText.names(named) + ". Only sinks receive such beacons."
                    + said.ending());
        }
    }
}
