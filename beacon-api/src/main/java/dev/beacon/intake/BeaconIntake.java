package dev.beacon.intake;

import dev.beacon.Beacon;
import dev.beacon.BeaconConfig;
import dev.beacon.ContentType;
import dev.beacon.MalformedBeaconException;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a request to a beacon path: {@code 204} and a {@link Beacon} for an accepted beacon, the
 * preflight answer for {@code OPTIONS}, and an explicit rejection for everything else.
 * <table>
 * <caption>Answers</caption>
 * <tr><th>request</th><th>answer</th></tr>
 * <tr><td>{@code POST}, accepted</td><td>{@code 204}, then {@link Answer#deliver()}</td></tr>
 * <tr><td>{@code POST} from an origin not allowed</td><td>{@code 403}</td></tr>
 * <tr><td>{@code POST} with a media type not accepted</td><td>{@code 415} with {@code Accept-Post}</td></tr>
 * <tr><td>{@code POST} with a {@code Content-Encoding} not configured to be decoded</td><td>{@code 415} with {@code Accept-Encoding}</td></tr>
 * <tr><td>{@code POST} whose body is not valid in its {@code Content-Encoding}</td><td>{@code 400}</td></tr>
 * <tr><td>{@code POST} with a malformed or repeated {@code Content-Type}</td><td>{@code 400}</td></tr>
 * <tr><td>{@code POST} whose body ends before its {@code Content-Length}</td><td>{@code 400}</td></tr>
 * <tr><td>{@code POST} whose body is not readable as its media type (JSON that does not parse, a
 * {@code reports+json} that is not an array, a truncated multipart body, invalid percent-encoding)</td><td>{@code 400}</td></tr>
 * <tr><td>{@code POST} with a charset the server does not know</td><td>{@code 415}</td></tr>
 * <tr><td>{@code POST} with a body over the limit, as sent or once decoded</td><td>{@code 413}, read no further</td></tr>
 * <tr><td>{@code POST} whose body is not complete within {@value dev.beacon.BeaconConfig#READ_TIMEOUT}, where
 * the entry point reads it without blocking</td><td>{@code 408}</td></tr>
 * <tr><td>{@code POST} while no CDI container can take it, or while
 * {@value dev.beacon.BeaconConfig#MAX_IN_FLIGHT} beacons await their observers, or while the application shuts
 * down</td><td>{@code 503} with {@code Retry-After}</td></tr>
 * <tr><td>{@code OPTIONS} from an allowed or the same origin</td><td>{@code 204} with the CORS headers</td></tr>
 * <tr><td>{@code OPTIONS} from another origin</td><td>{@code 403}, no CORS headers</td></tr>
 * <tr><td>any other method</td><td>{@code 405} with {@code Allow: POST, OPTIONS}</td></tr>
 * </table>
 */
public final class BeaconIntake {

    private static final Logger LOGGER = Logger.getLogger(BeaconIntake.class.getName());

    /** The methods a beacon path answers, for {@code Allow}. */
    public static final String ALLOWED_METHODS = "POST, OPTIONS";

    private static final Map<String, String> VARY_ORIGIN = Map.of("Vary", "Origin");

    private final AcceptedMediaTypes mediaTypes;
    private final ContentDecoding decoding;
    private final BodyLimit limit;
    private final AllowedOrigins origins;
    private final boolean acceptWithoutOrigin;
    private final String corsMaxAge;
    private final Duration readTimeout;
    private final BeaconDelivery delivery;

    /**
     * @param config the validated configuration
     * @param delivery where accepted beacons go
     */
    public BeaconIntake(BeaconConfig config, BeaconDelivery delivery) {
        this.mediaTypes = new AcceptedMediaTypes(config.mediaTypes());
        this.decoding = new ContentDecoding(config.contentEncodings());
        this.limit = new BodyLimit(config.maxBodySize());
        this.origins = new AllowedOrigins(config.allowedOrigins());
        this.acceptWithoutOrigin = config.acceptWithoutOrigin();
        this.corsMaxAge = Long.toString(config.corsMaxAge().toSeconds());
        this.readTimeout = config.readTimeout();
        this.delivery = delivery;
    }

    /**
     * Answers a request, reading its body, if it has one to read, from {@link IncomingRequest#body()}:
     * blocking, for an entry point that has no other way to read it.
     *
     * @param request a request to a beacon path
     * @param endpoint the endpoint name the path stands for
     * @return the answer to send; then, once it is sent, call {@link Answer#deliver()}
     */
    public Answer answer(IncomingRequest request, String endpoint) {
        Optional<Answer> withoutBody = answerBeforeBody(request);
        return withoutBody.isPresent() ? withoutBody.get() : readAndAnswer(request, endpoint);
    }

    /**
     * What {@link #answer} does after {@link #answerBeforeBody} let a {@code POST} through: reads its body
     * from {@link IncomingRequest#body()}, blocking, and answers it.
     *
     * @param request the request
     * @param endpoint the endpoint name its path stands for
     * @return the answer to send; then, once it is sent, call {@link Answer#deliver()}
     */
    public Answer readAndAnswer(IncomingRequest request, String endpoint) {
        byte[] body;
        try {
            // Not closed: the container owns the stream, and Undertow's close() drains the rest of the body,
            // which for a body over the limit can be endless.
            body = limit.read(request.body(), contentLength(request));
        } catch (BodyLimit.BodyTooLargeException e) {
            return tooLarge(request);
        } catch (IOException e) {
            return unreadable(request);
        }
        return answerWithBody(request, endpoint, body);
    }

    /**
     * The first half of {@link #answer}, for an entry point that reads the body itself: everything
     * that can be answered from the request line and headers alone.
     *
     * @param request a request to a beacon path
     * @return the answer, for every request but a {@code POST} whose body is to be read; then read at
     *         most {@link #maxBodySize()} bytes of it and call {@link #answerWithBody}, {@link #tooLarge},
     *         {@link #unreadable} or {@link #timedOut}
     */
    public Optional<Answer> answerBeforeBody(IncomingRequest request) {
        return switch (request.method()) {
            case "POST" -> refuseOnHeaders(request);
            case "OPTIONS" -> Optional.of(preflight(request));
            default -> Optional.of(reject(request, 405, "Beacons are sent with POST", Map.of("Allow", ALLOWED_METHODS)));
        };
    }

    /**
     * @return the largest body a beacon may have, in bytes
     */
    public long maxBodySize() {
        return limit.maxBytes();
    }

    private Optional<Answer> refuseOnHeaders(IncomingRequest request) {
        String origin = request.header("Origin");
        if (origin == null) {
            if (!acceptWithoutOrigin) {
                return Optional.of(reject(request, 403, "A beacon must carry an Origin header", VARY_ORIGIN));
            }
        } else if (!AllowedOrigins.isSameOrigin(origin, request) && !origins.allows(origin)) {
            return Optional.of(reject(request, 403, "Origin not allowed to send beacons", VARY_ORIGIN));
        }
        Map<String, String> corsHeaders = corsHeaders(request);

        List<String> contentTypes = request.headers("Content-Type");
        if (contentTypes.size() > 1) {
            return Optional.of(reject(request, 400, "More than one Content-Type header", corsHeaders));
        }
        ContentType contentType;
        try {
            contentType = contentType(request);
        } catch (MalformedBeaconException e) {
            return Optional.of(reject(request, 400, "Malformed Content-Type: " + e.getMessage(), corsHeaders));
        }
        if (!mediaTypes.accepts(contentType)) {
            Map<String, String> headers = new LinkedHashMap<>(corsHeaders);
            headers.put("Accept-Post", mediaTypes.acceptPost());
            return Optional.of(reject(request, 415, "Media type not accepted for beacons", headers));
        }
        if (decoding.codingOf(request.headers("Content-Encoding")).isEmpty()) {
            Map<String, String> headers = new LinkedHashMap<>(corsHeaders);
            headers.put("Accept-Encoding", decoding.acceptEncoding());
            return Optional.of(reject(request, 415, "Content-Encoding not accepted", headers));
        }
        if (limit.refuses(contentLength(request))) {
            return Optional.of(tooLarge(request));
        }
        if (!delivery.isReady()) {
            Map<String, String> headers = new LinkedHashMap<>(corsHeaders);
            headers.put("Retry-After", "60");
            return Optional.of(reject(request, 503, "Beacons cannot be delivered now", headers));
        }
        return Optional.empty();
    }

    /**
     * The answer to a {@code POST} that {@link #answerBeforeBody} let through, once the entry point has
     * read its whole body, blocking or not.
     *
     * @param request the request
     * @param endpoint the endpoint name its path stands for
     * @param body its whole body, at most {@link #maxBodySize()} bytes
     * @return the answer to send; then, once it is sent, call {@link Answer#deliver()}
     */
    public Answer answerWithBody(IncomingRequest request, String endpoint, byte[] body) {
        Map<String, String> corsHeaders = corsHeaders(request);
        if (body.length < contentLength(request)) {
            // Some containers end the stream quietly when the client stops early: the beacon is cut short, not complete.
            return reject(request, 400, "Body shorter than its Content-Length", corsHeaders);
        }
        // answerBeforeBody refused a coding not accepted
        ContentDecoding.Coding coding = decoding.codingOf(request.headers("Content-Encoding")).orElseThrow();
        try {
            body = decoding.decode(coding, body, limit);
        } catch (BodyLimit.BodyTooLargeException e) {
            return reject(request, 413, "Body larger than " + limit.maxBytes() + " bytes once decoded", corsHeaders);
        } catch (IOException e) {
            return reject(request, 400, "Body not valid " + coding.token(), corsHeaders);
        }
        Beacon.Builder beacon = Beacon.builder(endpoint, request.path())
                .contentType(contentType(request))
                .body(body)
                .receivedAt(Instant.now())
                .clientAddress(request.clientAddress())
                .headers(request::header);
        request.cookies().forEach(beacon::cookie);
        return readable(request, beacon.build(), corsHeaders);
    }

    /**
     * Reads the body as its observers will, before the 204: a beacon that is accepted is always
     * readable, and a broken sender learns why it is not.
     */
    private Answer readable(IncomingRequest request, Beacon beacon, Map<String, String> corsHeaders) {
        try {
            beacon.contentType().ifPresent(ContentType::charset);
        } catch (MalformedBeaconException e) {
            return reject(request, 415, "Unknown charset", corsHeaders);
        }
        try {
            beacon.form();
            if (beacon.hasJsonMediaType()) {
                JsonValue json = beacon.json().orElseThrow();
                if (beacon.contentType().orElseThrow().is("application/reports+json") && json.getValueType() != JsonValue.ValueType.ARRAY) {
                    return reject(request, 400, "An application/reports+json body must be a JSON array", corsHeaders);
                }
            }
        } catch (MalformedBeaconException e) {
            return reject(request, 400, "Body not readable as its media type: " + e.getMessage().replaceAll("\\s+", " "), corsHeaders);
        }
        if (!delivery.reserve()) {
            Map<String, String> headers = new LinkedHashMap<>(corsHeaders);
            headers.put("Retry-After", "5");
            return reject(request, 503, delivery.isClosed() ? "The application is shutting down" : "Too many beacons awaiting delivery", headers);
        }
        return Answer.accepted(beacon, corsHeaders, delivery);
    }

    private Answer preflight(IncomingRequest request) {
        String origin = request.header("Origin");
        if (origin == null) {
            return Answer.noContent(Map.of("Allow", ALLOWED_METHODS));
        }
        if (!AllowedOrigins.isSameOrigin(origin, request) && !origins.allows(origin)) {
            return reject(request, 403, "Origin not allowed to send beacons", VARY_ORIGIN);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", origin);
        headers.put("Access-Control-Allow-Credentials", "true");
        headers.put("Access-Control-Allow-Methods", "POST");
        headers.put("Access-Control-Allow-Headers", "Content-Type");
        headers.put("Access-Control-Max-Age", corsMaxAge);
        headers.put("Vary", "Origin");
        return Answer.noContent(headers);
    }

    /**
     * @param request a request whose body crossed {@link #maxBodySize()} while being read
     * @return {@code 413}
     */
    public Answer tooLarge(IncomingRequest request) {
        return reject(request, 413, "Body larger than " + limit.maxBytes() + " bytes", corsHeaders(request));
    }

    /**
     * @param request a request whose body could not be read to its end: the client went away or broke the framing
     * @return {@code 400}
     */
    public Answer unreadable(IncomingRequest request) {
        return reject(request, 400, "The body could not be read to its end", corsHeaders(request));
    }

    /**
     * @param request a request whose body was not complete within the read timeout
     * @return {@code 408}
     */
    public Answer timedOut(IncomingRequest request) {
        return reject(request, 408, "Body not complete within " + readTimeout.toSeconds() + " s", corsHeaders(request));
    }

    /** What every answer to a POST from an admitted origin carries: the CORS headers for a cross-origin one. */
    private Map<String, String> corsHeaders(IncomingRequest request) {
        Map<String, String> headers = new LinkedHashMap<>(VARY_ORIGIN);
        String origin = request.header("Origin");
        if (origin != null && !AllowedOrigins.isSameOrigin(origin, request) && origins.allows(origin)) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        return headers;
    }

    private static ContentType contentType(IncomingRequest request) {
        String header = request.header("Content-Type");
        return header == null ? null : ContentType.parse(header);
    }

    private static long contentLength(IncomingRequest request) {
        String value = request.header("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1; // the container rejects a malformed length before we see the request
        }
    }

    private Answer reject(IncomingRequest request, int status, String reason, Map<String, String> headers) {
        delivery.countRejected(status);
        if (LOGGER.isLoggable(Level.FINE)) {
            LOGGER.fine(status + " " + reason + ": " + request.method().toUpperCase(Locale.ROOT) + " " + LogText.escape(request.path())
                    + " Origin " + LogText.escape(request.header("Origin"))
                    + " Content-Type " + LogText.escape(request.header("Content-Type")));
        }
        if (hasBody(request)) {
            // Most rejections leave the body unread, and containers then drop the connection without a word;
            // saying so keeps the client from sending its next beacon into a closing connection.
            Map<String, String> closing = new LinkedHashMap<>(headers);
            closing.put("Connection", "close");
            return Answer.rejected(status, reason, closing);
        }
        return Answer.rejected(status, reason, headers);
    }

    private static boolean hasBody(IncomingRequest request) {
        return contentLength(request) > 0 || request.header("Transfer-Encoding") != null;
    }
}
