package dev.beacon.core.intake;

import dev.beacon.BeaconEndpoint;
import dev.beacon.core.delivery.Delivery;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.IncomingRequest;
import dev.beacon.core.exchange.Refusals;
import dev.beacon.core.observe.LogText;
import dev.beacon.core.observe.OncePerName;
import dev.beacon.core.settings.BeaconConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * With {@value BeaconConfig#UNKNOWN_ENDPOINTS}{@code =refuse}, the endpoints a beacon may be sent to: those the
 * observers' {@link BeaconEndpoint} qualifiers name, those the sinks take by name ({@link dev.beacon.BeaconSink#endpoints()}),
 * those {@value BeaconConfig#ENDPOINTS} lists, and the bare base path's ({@value BeaconEndpoint#DEFAULT}). A beacon to any other is answered {@code 404} before its body is read, so
 * that clients cannot invent endpoints for the sinks and the observers of every endpoint to store; each such endpoint
 * is logged once, for the first {@value #MOST_NAMES}.
 */
final class UnknownEndpoints {

    private static final Logger LOGGER = Logger.getLogger(UnknownEndpoints.class.getName());
    static final int MOST_NAMES = 20;

    private final boolean refused;
    private final Set<String> configured;
    private final Delivery delivery;
    private final Refusals refusals;
    private final OncePerName said = new OncePerName(MOST_NAMES);

    UnknownEndpoints(BeaconConfig config, Delivery delivery, Refusals refusals) {
        this.refused = config.refuseUnknownEndpoints();
        this.configured = Set.copyOf(config.endpoints());
        this.delivery = delivery;
        this.refusals = refusals;
    }

    /**
     * @param endpoint the endpoint a beacon is sent to
     * @param corsHeaders the headers that go with any answer to it
     * @return {@code 404} when unknown endpoints are refused and this is one; before a container is ready, nothing is
     *         known of its observers, and the beacon gets its {@code 503} further on
     */
    Optional<Answer> refusalOf(IncomingRequest request, String endpoint, Map<String, String> corsHeaders) {
        if (!refused || endpoint.equals(BeaconEndpoint.DEFAULT) || configured.contains(endpoint) || !delivery.isReady()) {
            return Optional.empty();
        }
        Set<String> named = delivery.namedEndpoints();
        if (named.contains(endpoint) || delivery.isTakenBySink(endpoint)) {
            return Optional.empty();
        }
        if (said.claim(endpoint)) {
            LOGGER.warning(() -> "Beacons to endpoint " + LogText.escape(endpoint) + " are answered 404, as " + BeaconConfig.UNKNOWN_ENDPOINTS
                    + "=refuse says: no observer names it, nor a sink, nor " + BeaconConfig.ENDPOINTS + ". Observers name " + LogText.names(named)
                    + "; " + BeaconConfig.ENDPOINTS + " lists " + LogText.names(configured) + "." + said.ending());
        }
        return Optional.of(refusals.refuse(request, 404, "No such beacon endpoint", corsHeaders));
    }
}
