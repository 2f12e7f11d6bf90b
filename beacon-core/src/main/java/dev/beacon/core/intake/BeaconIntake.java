package dev.beacon.core.intake;

import dev.beacon.Beacon;
import dev.beacon.core.body.BodyBuffer;
import dev.beacon.core.body.ContentDecoding;
import dev.beacon.core.delivery.Delivery;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.AnswerWriter;
import dev.beacon.core.exchange.CorsPolicy;
import dev.beacon.core.exchange.IncomingRequest;
import dev.beacon.core.exchange.Refusals;
import dev.beacon.core.exchange.TrustedProxies;
import dev.beacon.core.settings.BeaconConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers a request to a beacon path, the same way at every entry point: {@code 204} and a
 * {@link Beacon} for an accepted beacon, the preflight answer for {@code OPTIONS}, and an explicit
 * refusal for everything else: the rules on the request line and headers ({@link HeaderRules}), then those on the
 * body ({@link BodyRules}). An entry point only reads the body its own way (blocking, or without
 * blocking) into a {@link BodyBuffer}, and sends the answer with {@link AnswerWriter}.
 * <table>
 * <caption>Answers</caption>
 * <tr><th>request</th><th>answer</th></tr>
 * <tr><td>{@code POST}, accepted</td><td>{@code 204}, then delivery to the observers</td></tr>
 * <tr><td>{@code POST} from an origin not allowed</td><td>{@code 403}</td></tr>
 * <tr><td>{@code POST} or {@code GET} to an endpoint nothing names, with {@value dev.beacon.core.settings.BeaconConfig#UNKNOWN_ENDPOINTS}{@code =refuse}</td><td>{@code 404}</td></tr>
 * <tr><td>{@code POST} with a media type not accepted</td><td>{@code 415} with {@code Accept-Post}</td></tr>
 * <tr><td>{@code POST} with a {@code Content-Encoding} not configured to be decoded</td><td>{@code 415} with {@code Accept-Encoding}</td></tr>
 * <tr><td>{@code POST} whose body is not valid in its {@code Content-Encoding}</td><td>{@code 400}</td></tr>
 * <tr><td>{@code POST} with a malformed or repeated {@code Content-Type}</td><td>{@code 400}</td></tr>
 * <tr><td>{@code POST} whose body ends before its {@code Content-Length}</td><td>{@code 400}</td></tr>
 * <tr><td>{@code POST} whose body is not readable as its media type (JSON that does not parse, a
 * {@code reports+json} that is not an array, a truncated multipart body, invalid percent-encoding)</td><td>{@code 400}</td></tr>
 * <tr><td>{@code POST} with a charset the server does not know</td><td>{@code 415}</td></tr>
 * <tr><td>{@code POST} with a body over the limit, as sent or once decoded</td><td>{@code 413}, read no further</td></tr>
 * <tr><td>{@code POST} whose body is not complete within {@value dev.beacon.core.settings.BeaconConfig#READ_TIMEOUT}, where
 * the entry point reads it without blocking</td><td>{@code 408}</td></tr>
 * <tr><td>{@code POST} while no CDI container can take it, while {@value dev.beacon.core.settings.BeaconConfig#MAX_IN_FLIGHT}
 * beacons or {@value dev.beacon.core.settings.BeaconConfig#MAX_IN_FLIGHT_BYTES} bytes await their observers, while a
 * {@link dev.beacon.BeaconSink} has no room, or while the application shuts down</td><td>{@code 503} with
 * {@code Retry-After}</td></tr>
 * <tr><td>{@code POST} accepted, with {@value dev.beacon.core.settings.BeaconConfig#ANSWER_WHEN}{@code =stored}</td><td>{@code 204}
 * once every {@link dev.beacon.BeaconSink} has stored it; {@code 503} with {@code Retry-After} when one gives up on it or
 * {@value dev.beacon.core.settings.BeaconConfig#ANSWER_TIMEOUT} passes first</td></tr>
 * <tr><td>{@code POST} from a client address past {@value dev.beacon.core.settings.BeaconConfig#RATE_LIMIT}</td><td>{@code 429} with {@code Retry-After}</td></tr>
 * <tr><td>{@code POST} with the same bytes as one accepted from the same client and endpoint within
 * {@value dev.beacon.core.settings.BeaconConfig#DUPLICATE_WINDOW}</td><td>{@code 204}, not delivered, counted</td></tr>
 * <tr><td>{@code POST} with the {@link Beacon#id() id} of one accepted at the same endpoint within
 * {@value dev.beacon.core.settings.BeaconConfig#DUPLICATE_ID_WINDOW}</td><td>{@code 204}, not delivered, counted</td></tr>
 * <tr><td>{@code POST} with an id that is empty, repeated, too long or holds other characters than
 * {@link Beacon#id()} allows</td><td>{@code 400}</td></tr>
 * <tr><td>{@code OPTIONS} from an allowed or the same origin</td><td>{@code 204} with the CORS headers</td></tr>
 * <tr><td>{@code OPTIONS} from another origin</td><td>{@code 403}, no CORS headers</td></tr>
 * <tr><td>{@code GET}, with {@value dev.beacon.core.settings.BeaconConfig#GET} set</td><td>a beacon, its query string as form
 * fields, answered {@code 204} or a transparent GIF, with {@code Cache-Control: no-store}, by the same rules as a
 * {@code POST}; a query over {@value dev.beacon.core.settings.BeaconConfig#MAX_QUERY_LENGTH} gets {@code 414}</td></tr>
 * <tr><td>any other method</td><td>{@code 405} with {@code Allow: POST, OPTIONS} ({@code GET, POST, OPTIONS}
 * with {@value dev.beacon.core.settings.BeaconConfig#GET})</td></tr>
 * </table>
 */
public final class BeaconIntake {

    private final HeaderRules headerRules;
    private final BodyRules bodyRules;
    private final long maxBodySize;
    private final Duration readTimeout;
    private final CorsPolicy cors;
    private final Refusals refusals;

    /**
     * @param config the validated configuration
     * @param delivery where accepted beacons go
     */
    public BeaconIntake(BeaconConfig config, Delivery delivery) {
        ContentDecoding decoding = new ContentDecoding(config.contentEncodings());
        TrustedProxies proxies = TrustedProxies.of(config.trustedProxies());
        this.cors = new CorsPolicy(config, decoding.decodesAny());
        this.refusals = new Refusals(delivery);
        this.headerRules = new HeaderRules(config, cors, decoding, proxies, delivery, refusals);
        this.bodyRules = new BodyRules(config, cors, decoding, proxies, delivery, refusals);
        this.maxBodySize = config.maxBodySize();
        this.readTimeout = config.readTimeout();
    }

    /**
     * Answers a request whole, reading its body, if it has one to read, blocking.
     *
     * @param request a request to a beacon path
     * @param endpoint the endpoint name the path stands for
     * @return the answer, to send with {@link AnswerWriter}
     */
    public Answer answer(IncomingRequest request, String endpoint) {
        Optional<Answer> withoutBody = answerBeforeBody(request, endpoint);
        return withoutBody.isPresent() ? withoutBody.get() : readAndAnswer(request, endpoint);
    }

    /**
     * Everything that can be answered from the request line and headers alone.
     *
     * @param request a request to a beacon path
     * @param endpoint the endpoint name the path stands for
     * @return the answer, for every request but a {@code POST} whose body is to be read; then read it
     *         into {@link #newBody} and call {@link #answerWithBody}, or {@link #readAndAnswer} to read blocking
     */
    public Optional<Answer> answerBeforeBody(IncomingRequest request, String endpoint) {
        return headerRules.answer(request, endpoint);
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
            return bodyRules.answerGet(request, endpoint);
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
        return bodyRules.answer(request, endpoint, body);
    }

    /**
     * @param request a request whose body crossed the limit while being read
     * @return {@code 413}
     */
    public Answer tooLarge(IncomingRequest request) {
        return refusals.tooLarge(request, maxBodySize, cors.responseHeaders(request));
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
}
