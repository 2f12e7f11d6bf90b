package dev.beacon.intake;

import dev.beacon.Beacon;
import dev.beacon.BeaconConfig;
import dev.beacon.ContentType;
import dev.beacon.MalformedBeaconException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a request to a beacon path, the same way at every entry point: {@code 204} and a
 * {@link Beacon} for an accepted beacon, the preflight answer for {@code OPTIONS}, and an explicit
 * refusal for everything else. An entry point only reads the body its own way (blocking, or without
 * blocking) into a {@link BodyBuffer}, and sends the answer with {@link AnswerWriter}.
 * <table>
 * <caption>Answers</caption>
 * <tr><th>request</th><th>answer</th></tr>
 * <tr><td>{@code POST}, accepted</td><td>{@code 204}, then delivery to the observers</td></tr>
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
 * <tr><td>{@code POST} while no CDI container can take it, while {@value dev.beacon.BeaconConfig#MAX_IN_FLIGHT}
 * beacons or {@value dev.beacon.BeaconConfig#MAX_IN_FLIGHT_BYTES} bytes await their observers, while a
 * {@link dev.beacon.BeaconSink} has no room, or while the application shuts down</td><td>{@code 503} with
 * {@code Retry-After}</td></tr>
 * <tr><td>{@code POST} from a client address past {@value dev.beacon.BeaconConfig#RATE_LIMIT}</td><td>{@code 429} with {@code Retry-After}</td></tr>
 * <tr><td>{@code POST} with the same bytes as one accepted from the same client and endpoint within
 * {@value dev.beacon.BeaconConfig#DUPLICATE_WINDOW}</td><td>{@code 204}, not delivered, counted</td></tr>
 * <tr><td>{@code OPTIONS} from an allowed or the same origin</td><td>{@code 204} with the CORS headers</td></tr>
 * <tr><td>{@code OPTIONS} from another origin</td><td>{@code 403}, no CORS headers</td></tr>
 * <tr><td>{@code GET}, with {@value dev.beacon.BeaconConfig#GET} set</td><td>a beacon, its query string as form
 * fields, answered {@code 204} or a transparent GIF, with {@code Cache-Control: no-store}, by the same rules as a
 * {@code POST}; a query over {@value dev.beacon.BeaconConfig#MAX_QUERY_LENGTH} gets {@code 414}</td></tr>
 * <tr><td>any other method</td><td>{@code 405} with {@code Allow: POST, OPTIONS} ({@code GET, POST, OPTIONS}
 * with {@value dev.beacon.BeaconConfig#GET})</td></tr>
 * </table>
 */
public final class BeaconIntake {

    /** A {@code GET} beacon's query string, read as the form it is. */
    private static final ContentType QUERY_AS_FORM = ContentType.parse("application/x-www-form-urlencoded;charset=UTF-8");
    /** The smallest transparent image: a 1&times;1 GIF of one transparent colour, 43 bytes. */
    private static final byte[] TRANSPARENT_GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /** Long enough for a missing container to appear; a client retrying sooner would only be refused again. */
    private static final Duration RETRY_WITHOUT_CONTAINER = Duration.ofSeconds(60);
    private static final String SHUTTING_DOWN = "The application is shutting down";
    /** Beacons in flight drain in moments: a short wait is enough. */
    private static final Duration RETRY_WHEN_FULL = Duration.ofSeconds(5);

    private final AcceptedMediaTypes mediaTypes;
    private final ContentDecoding decoding;
    private final long maxBodySize;
    private final CorsPolicy cors;
    private final Duration readTimeout;
    private final Delivery delivery;
    private final Refusals refusals;
    private final TrustedProxies proxies;
    private final RateLimit rateLimit;
    private final DuplicateWindow duplicates;
    private final boolean getBeacons;
    private final boolean gifAnswer;
    private final int maxQueryLength;

    /**
     * @param config the validated configuration
     * @param delivery where accepted beacons go
     */
    BeaconIntake(BeaconConfig config, Delivery delivery) {
        this.mediaTypes = new AcceptedMediaTypes(config.mediaTypes());
        this.decoding = new ContentDecoding(config.contentEncodings());
        this.maxBodySize = config.maxBodySize();
        this.cors = new CorsPolicy(config, decoding.decodesAny());
        this.readTimeout = config.readTimeout();
        this.delivery = delivery;
        this.refusals = new Refusals(delivery);
        this.proxies = TrustedProxies.of(config.trustedProxies());
        this.rateLimit = new RateLimit(config.rateLimit(), config.rateLimitBurst(), System::nanoTime);
        this.duplicates = new DuplicateWindow(config.duplicateWindow(), System::nanoTime);
        this.getBeacons = config.get();
        this.gifAnswer = config.getAnsweredWithGif();
        this.maxQueryLength = config.maxQueryLength();
    }

    /**
     * Answers a request whole, reading its body, if it has one to read, blocking.
     *
     * @param request a request to a beacon path
     * @param endpoint the endpoint name the path stands for
     * @return the answer, to send with {@link AnswerWriter}
     */
    public Answer answer(IncomingRequest request, String endpoint) {
        Optional<Answer> withoutBody = answerBeforeBody(request);
        return withoutBody.isPresent() ? withoutBody.get() : readAndAnswer(request, endpoint);
    }

    /**
     * Everything that can be answered from the request line and headers alone.
     *
     * @param request a request to a beacon path
     * @return the answer, for every request but a {@code POST} whose body is to be read; then read it
     *         into {@link #newBody} and call {@link #answerWithBody}, or {@link #readAndAnswer} to read blocking
     */
    public Optional<Answer> answerBeforeBody(IncomingRequest request) {
        return switch (request.method()) {
            case "POST" -> refuseOnHeaders(request);
            case "GET" -> getBeacons ? refuseOnHeaders(request) : Optional.of(methodNotAllowed(request));
            case "OPTIONS" -> Optional.of(preflight(request));
            default -> Optional.of(methodNotAllowed(request));
        };
    }

    private Answer methodNotAllowed(IncomingRequest request) {
        return refusals.refuse(request, 405, getBeacons ? "Beacons are sent with POST or GET" : "Beacons are sent with POST",
                Map.of("Allow", cors.allowedMethods()));
    }

    /**
     * @param request a {@code POST} that {@link #answerBeforeBody} let through
     * @return the buffer its body is read into, held to the body limit
     */
    public BodyBuffer newBody(IncomingRequest request) {
        return new BodyBuffer(request.contentLength(), maxBodySize);
    }

    /**
     * Reads the body of a {@code POST} that {@link #answerBeforeBody} let through, blocking, and answers it;
     * or answers a {@code GET} beacon, whose query string is its body.
     *
     * @param request the request
     * @param endpoint the endpoint name its path stands for
     * @return the answer, to send with {@link AnswerWriter}
     */
    public Answer readAndAnswer(IncomingRequest request, String endpoint) {
        if (request.method().equals("GET")) {
            return answerGet(request, endpoint);
        }
        BodyBuffer body = newBody(request);
        try {
            body.readFrom(request.body());
        } catch (BodyBuffer.BodyTooLargeException e) {
            return tooLarge(request);
        } catch (IOException e) {
            return unreadable(request);
        }
        return answerWithBody(request, endpoint, body);
    }

    private Optional<Answer> refuseOnHeaders(IncomingRequest request) {
        Optional<String> originRefused = cors.refusalOf(request);
        if (originRefused.isPresent()) {
            return Optional.of(refusals.refuse(request, 403, originRefused.get(), CorsPolicy.VARY_ORIGIN));
        }
        Map<String, String> corsHeaders = cors.responseHeaders(request);
        Optional<Answer> refused = request.method().equals("GET") ? refuseQuery(request, corsHeaders) : refuseBody(request, corsHeaders);
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
            return Optional.of(tooLarge(request));
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
            return Optional.of(refusals.unavailable(request, SHUTTING_DOWN, RETRY_WHEN_FULL, corsHeaders));
        }
        if (!delivery.isReady()) {
            return Optional.of(refusals.unavailable(request, "Beacons cannot be delivered now", RETRY_WITHOUT_CONTAINER, corsHeaders));
        }
        return Optional.empty();
    }

    /**
     * The answer to a {@code POST} that {@link #answerBeforeBody} let through, once its body is read:
     * decodes, parses and admits it. Call it on a request or worker thread, never on a container's
     * I/O callback thread: a large body takes a while to parse.
     *
     * @param request the request
     * @param endpoint the endpoint name its path stands for
     * @param body its body, read to its end or to its declared length
     * @return the answer, to send with {@link AnswerWriter}
     */
    public Answer answerWithBody(IncomingRequest request, String endpoint, BodyBuffer body) {
        Map<String, String> corsHeaders = cors.responseHeaders(request);
        if (body.isShort()) {
            // Some containers end the stream quietly when the client stops early: the beacon is cut short, not complete.
            return refusals.refuse(request, 400, "Body shorter than its Content-Length", corsHeaders);
        }
        // answerBeforeBody refused a coding not accepted
        ContentDecoding.Coding coding = decoding.codingOf(request).orElseThrow();
        byte[] decoded;
        try {
            decoded = decoding.decode(coding, body.toByteArray(), maxBodySize);
        } catch (BodyBuffer.BodyTooLargeException e) {
            return refusals.refuse(request, 413, "Body larger than " + maxBodySize + " bytes once decoded", corsHeaders);
        } catch (IOException e) {
            return refusals.refuse(request, 400, "Body not valid " + coding.token(), corsHeaders);
        }
        return answerDecoded(request, endpoint, request.contentType(), decoded, corsHeaders);
    }

    /**
     * A {@code GET} beacon: its query string, as sent, is a form body. Never cached, never a page.
     */
    private Answer answerGet(IncomingRequest request, String endpoint) {
        byte[] query = request.query() == null ? new byte[0] : request.query().getBytes(StandardCharsets.UTF_8);
        Answer answer = answerDecoded(request, endpoint, QUERY_AS_FORM, query, noStore(cors.responseHeaders(request)));
        return gifAnswer && answer.status() == 204 ? answer.asGif(TRANSPARENT_GIF) : answer;
    }

    private Answer answerDecoded(IncomingRequest request, String endpoint, ContentType contentType, byte[] decoded,
                                 Map<String, String> corsHeaders) {
        try {
            return admitDecoded(request, endpoint, contentType, decoded, corsHeaders);
        } catch (RuntimeException e) {
            // The application may stop between refuseForNow's look and admission, its beans failing once destroyed:
            // such a beacon is refused like any other arriving during shutdown, never answered 500.
            if (delivery.isClosed()) {
                return refusals.unavailable(request, SHUTTING_DOWN, RETRY_WHEN_FULL, corsHeaders);
            }
            throw e;
        }
    }

    private Answer admitDecoded(IncomingRequest request, String endpoint, ContentType contentType, byte[] decoded,
                                Map<String, String> corsHeaders) {
        String clientAddress = proxies.clientAddressOf(request);
        Beacon beacon;
        try {
            beacon = BeaconParser.parse(request, endpoint, clientAddress, contentType, decoded);
            BeaconParser.bind(beacon, delivery.payloadTypesOf(endpoint));
        } catch (BeaconParser.UnreadableBodyException e) {
            return refusals.refuse(request, e.status(), e.getMessage(), corsHeaders);
        }
        if (!duplicates.isOn()) {
            return admit(request, beacon, corsHeaders);
        }
        String claim = duplicates.claim(endpoint, clientAddress, decoded);
        if (claim == null) {
            delivery.countDuplicate();
            return Answer.noContent(corsHeaders); // what the first one got: the client has nothing to retry
        }
        Answer answer = admit(request, beacon, corsHeaders);
        if (answer.status() != 204) {
            duplicates.release(claim); // refused after all: its retry is not a duplicate
        }
        return answer;
    }

    private Answer admit(IncomingRequest request, Beacon beacon, Map<String, String> corsHeaders) {
        Admission.Ticket ticket = delivery.reserve(beacon);
        return switch (ticket.outcome()) {
            case TAKEN -> Answer.accepted(ticket, corsHeaders, delivery);
            case TOO_MANY_BEACONS -> refusals.unavailable(request, "Too many beacons awaiting delivery", RETRY_WHEN_FULL, corsHeaders);
            case TOO_MANY_BYTES -> refusals.unavailable(request, "Too many bytes awaiting delivery", RETRY_WHEN_FULL, corsHeaders);
            case CLOSED -> refusals.unavailable(request, SHUTTING_DOWN, RETRY_WHEN_FULL, corsHeaders);
            case NO_ROOM_IN_SINK -> refusals.unavailable(request, "A beacon sink has no room now", RETRY_WHEN_FULL, corsHeaders);
        };
    }

    private static Map<String, String> noStore(Map<String, String> headers) {
        return with(headers, "Cache-Control", "no-store");
    }

    private Answer preflight(IncomingRequest request) {
        return cors.preflight(request).map(Answer::noContent)
                .orElseGet(() -> refusals.refuse(request, 403, CorsPolicy.ORIGIN_NOT_ALLOWED, CorsPolicy.VARY_ORIGIN));
    }

    /**
     * @param request a request whose body crossed the limit while being read
     * @return {@code 413}
     */
    public Answer tooLarge(IncomingRequest request) {
        return refusals.refuse(request, 413, "Body larger than " + maxBodySize + " bytes", cors.responseHeaders(request));
    }

    /**
     * @param request a request whose body could not be read to its end: the client went away or broke the framing
     * @return {@code 400}
     */
    public Answer unreadable(IncomingRequest request) {
        return refusals.refuse(request, 400, "The body could not be read to its end", cors.responseHeaders(request));
    }

    /**
     * @param request a request whose body was not complete within the read timeout
     * @return {@code 408}
     */
    public Answer timedOut(IncomingRequest request) {
        return refusals.refuse(request, 408, "Body not complete within " + readTimeout.toSeconds() + " s", cors.responseHeaders(request));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return more;
    }
}
