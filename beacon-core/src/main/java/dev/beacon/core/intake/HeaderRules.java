package dev.beacon.core.intake;

import static dev.beacon.core.intake.ResponseHeaders.noStore;
import static dev.beacon.core.intake.ResponseHeaders.with;

import dev.beacon.ContentType;
import dev.beacon.MalformedBeaconException;
import dev.beacon.core.admission.RateLimit;
import dev.beacon.core.body.AcceptedMediaTypes;
import dev.beacon.core.body.ContentDecoding;
import dev.beacon.core.delivery.Delivery;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.CorsPolicy;
import dev.beacon.core.exchange.IncomingRequest;
import dev.beacon.core.exchange.Refusals;
import dev.beacon.core.exchange.TrustedProxies;
import dev.beacon.core.settings.BeaconConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The rules that answer a request from its request line and headers alone, before a byte of its body is read: method,
 * preflight, origin, the endpoint ({@link UnknownEndpoints}), the query's length, media type, coding, declared length,
 * the client's rate, and whether anything can take a beacon now. A body is read only when none of them refuses.
 */
final class HeaderRules {

    private final AcceptedMediaTypes mediaTypes;
    private final ContentDecoding decoding;
    private final long maxBodySize;
    private final CorsPolicy cors;
    private final Delivery delivery;
    private final Refusals refusals;
    private final TrustedProxies proxies;
    private final RateLimit rateLimit;
    private final boolean getBeacons;
    private final int maxQueryLength;
    private final UnknownEndpoints unknownEndpoints;

    HeaderRules(BeaconConfig config, CorsPolicy cors, ContentDecoding decoding, TrustedProxies proxies, Delivery delivery,
                Refusals refusals) {
        this.mediaTypes = new AcceptedMediaTypes(config.mediaTypes());
        this.decoding = decoding;
        this.maxBodySize = config.maxBodySize();
        this.cors = cors;
        this.delivery = delivery;
        this.refusals = refusals;
        this.proxies = proxies;
        this.rateLimit = new RateLimit(config.rateLimit(), config.rateLimitBurst(), System::nanoTime);
        this.getBeacons = config.get();
        this.maxQueryLength = config.maxQueryLength();
        this.unknownEndpoints = new UnknownEndpoints(config, delivery, refusals);
    }

    /**
     * @param endpoint the endpoint name the request's path stands for
     * @return the answer, for every request but a beacon whose body (or query) is to be read
     */
    Optional<Answer> answer(IncomingRequest request, String endpoint) {
        return switch (request.method()) {
            case "POST" -> refuseOnHeaders(request, endpoint);
            case "GET" -> getBeacons ? refuseOnHeaders(request, endpoint) : Optional.of(methodNotAllowed(request));
            case "OPTIONS" -> Optional.of(preflight(request));
            default -> Optional.of(methodNotAllowed(request));
        };
    }

    private Answer methodNotAllowed(IncomingRequest request) {
        return refusals.refuse(request, 405, getBeacons ? "Beacons are sent with POST or GET" : "Beacons are sent with POST",
                Map.of("Allow", cors.allowedMethods()));
    }

    private Answer preflight(IncomingRequest request) {
        return cors.preflight(request).map(Answer::noContent)
                .orElseGet(() -> refusals.refuse(request, 403, CorsPolicy.ORIGIN_NOT_ALLOWED, CorsPolicy.VARY_ORIGIN));
    }

    private Optional<Answer> refuseOnHeaders(IncomingRequest request, String endpoint) {
        Optional<String> originRefused = cors.refusalOf(request);
        if (originRefused.isPresent()) {
            return Optional.of(refusals.refuse(request, 403, originRefused.get(), CorsPolicy.VARY_ORIGIN));
        }
        Map<String, String> corsHeaders = cors.responseHeaders(request);
        Optional<Answer> refused = unknownEndpoints.refusalOf(request, endpoint, corsHeaders);
        if (refused.isEmpty()) {
            refused = request.method().equals("GET") ? refuseQuery(request, corsHeaders) : refuseBody(request, corsHeaders);
        }
        return refused.isPresent() ? refused : refuseForNow(request, corsHeaders);
    }

    private Optional<Answer> refuseQuery(IncomingRequest request, Map<String, String> corsHeaders) {
        String query = request.query();
        if (query != null && query.length() > maxQueryLength) {
            return Optional.of(refusals.refuse(request, 414, "Query longer than " + maxQueryLength + " characters", noStore(corsHeaders)));
        }
        return Optional.empty();
    }

    private Optional<Answer> refuseBody(IncomingRequest request, Map<String, String> corsHeaders) {
        if (request.isRepeated("Content-Type")) {
            return Optional.of(refusals.refuse(request, 400, "More than one Content-Type header", corsHeaders));
        }
        ContentType contentType;
        try {
            contentType = request.contentType();
        } catch (MalformedBeaconException e) {
            return Optional.of(refusals.refuse(request, 400, "Malformed Content-Type: " + e.getMessage(), corsHeaders));
        }
        if (!mediaTypes.accepts(contentType)) {
            return Optional.of(refusals.refuse(request, 415, "Media type not accepted for beacons",
                    with(corsHeaders, "Accept-Post", mediaTypes.acceptPost())));
        }
        if (decoding.codingOf(request).isEmpty()) {
            return Optional.of(refusals.refuse(request, 415, "Content-Encoding not accepted",
                    with(corsHeaders, "Accept-Encoding", decoding.acceptEncoding())));
        }
        if (request.contentLength() > maxBodySize) {
            return Optional.of(refusals.tooLarge(request, maxBodySize, corsHeaders));
        }
        return Optional.empty();
    }

    /** What holds for any beacon, however it came: the client's share, and a container to deliver to. */
    private Optional<Answer> refuseForNow(IncomingRequest request, Map<String, String> corsHeaders) {
        Optional<Duration> overLimit = rateLimit.take(proxies.clientAddressOf(request));
        if (overLimit.isPresent()) {
            return Optional.of(refusals.tooMany(request, overLimit.get(), corsHeaders));
        }
        if (delivery.isClosed()) {
            return Optional.of(refusals.shuttingDown(request, corsHeaders));
        }
        if (!delivery.isReady()) {
            return Optional.of(refusals.noContainer(request, corsHeaders));
        }
        return Optional.empty();
    }
}
