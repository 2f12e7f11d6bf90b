package dev.beacon.core.intake;

import static dev.beacon.core.intake.ResponseHeaders.noStore;

import dev.beacon.Beacon;
import dev.beacon.ContentType;
import dev.beacon.core.admission.Admission;
import dev.beacon.core.admission.DuplicateWindow;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.body.BeaconParser;
import dev.beacon.core.body.BodyBuffer;
import dev.beacon.core.body.ContentDecoding;
import dev.beacon.core.delivery.Delivery;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.ClientAddresses;
import dev.beacon.core.exchange.CorsPolicy;
import dev.beacon.core.exchange.IncomingRequest;
import dev.beacon.core.exchange.Refusals;
import dev.beacon.core.exchange.TrustedProxies;
import dev.beacon.core.settings.BeaconConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The rules that need the body, once {@link HeaderRules} let it be read: its length against its
 * {@code Content-Length}, its coding, its parsing into a {@link Beacon} bound to what is observed at its endpoint,
 * duplicates, and admission.
 */
final class BodyRules {

    /** A {@code GET} beacon's query string, read as the form it is. */
    private static final ContentType QUERY_AS_FORM = ContentType.parse("application/x-www-form-urlencoded;charset=UTF-8");
    /** The smallest transparent image: a 1&times;1 GIF of one transparent colour, 43 bytes. */
    private static final byte[] TRANSPARENT_GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final ContentDecoding decoding;
    private final long maxBodySize;
    private final CorsPolicy cors;
    private final Delivery delivery;
    private final Refusals refusals;
    private final TrustedProxies proxies;
    private final ClientAddresses addresses;
    private final DuplicateWindow sameBytes;
    private final DuplicateWindow sameIds;
    private final boolean gifAnswer;
    private final boolean lenientBinding;
    /** Where beacons are answered once stored; {@code null} where they are answered once accepted. */
    private final StoredAnswers storedAnswers;

    BodyRules(BeaconConfig config, CorsPolicy cors, ContentDecoding decoding, TrustedProxies proxies, Delivery delivery,
              Refusals refusals) {
        this.decoding = decoding;
        this.maxBodySize = config.maxBodySize();
        this.cors = cors;
        this.delivery = delivery;
        this.refusals = refusals;
        this.proxies = proxies;
        this.addresses = ClientAddresses.of(config.anonymizeClientAddress(), config.anonymizedIpv4Prefix(), config.anonymizedIpv6Prefix());
        this.sameBytes = new DuplicateWindow(config.duplicateWindow(), System::nanoTime);
        this.sameIds = new DuplicateWindow(config.duplicateIdWindow(), System::nanoTime);
        this.gifAnswer = config.getAnsweredWithGif();
        this.lenientBinding = config.lenientBinding();
        this.storedAnswers = config.answerWhenStored() ? new StoredAnswers(delivery, refusals, config.answerTimeout()) : null;
    }

    /** A {@code POST} whose body is read. */
    Answer answer(IncomingRequest request, String endpoint, BodyBuffer body) {
        Map<String, String> corsHeaders = cors.responseHeaders(request);
        if (body.isShort()) {
            // Some containers end the stream quietly when the client stops early: the beacon is cut short, not complete.
            return refusals.refuse(request, 400, "Body shorter than its Content-Length", corsHeaders);
        }
        // HeaderRules refused a coding not accepted
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

    /** A {@code GET} beacon: its query string, as sent, is a form body. Never cached, never a page. */
    Answer answerGet(IncomingRequest request, String endpoint) {
        byte[] query = request.query() == null ? new byte[0] : request.query().getBytes(StandardCharsets.UTF_8);
        Answer answer = answerDecoded(request, endpoint, QUERY_AS_FORM, query, noStore(cors.responseHeaders(request)));
        return gifAnswer ? answer.whenSettled(settled -> settled.status() == 204 ? settled.asGif(TRANSPARENT_GIF) : settled) : answer;
    }

    private Answer answerDecoded(IncomingRequest request, String endpoint, ContentType contentType, byte[] decoded,
                                 Map<String, String> corsHeaders) {
        try {
            return admitDecoded(request, endpoint, contentType, decoded, corsHeaders);
        } catch (RuntimeException e) {
            // The application may stop between HeaderRules' look and admission, its beans failing once destroyed:
            // such a beacon is refused like any other arriving during shutdown, never answered 500.
            if (delivery.isClosed()) {
                return refusals.shuttingDown(request, corsHeaders);
            }
            throw e;
        }
    }

    private Answer admitDecoded(IncomingRequest request, String endpoint, ContentType contentType, byte[] decoded,
                                Map<String, String> corsHeaders) {
        String clientAddress = proxies.clientAddressOf(request);
        String id;
        Beacon beacon;
        try {
            id = BeaconIds.in(request.query());
            beacon = BeaconParser.parse(request, endpoint, id, addresses.shown(clientAddress), addresses.headersOf(request), contentType,
                    decoded, lenientBinding);
            BeaconParser.bind(beacon, delivery.payloadTypesOf(endpoint));
        } catch (BeaconIds.MalformedIdException e) {
            return refusals.refuse(request, 400, e.getMessage(), corsHeaders);
        } catch (BeaconParser.UnreadableBodyException e) {
            return refusals.refuse(request, e.status(), e.getMessage(), corsHeaders);
        }
        // A beacon with an id is the same beacon only with the same id, whatever its bytes or address: a resend may
        // come from another network, and two events may well have the same bytes.
        DuplicateWindow window = id != null ? sameIds : sameBytes;
        if (!window.isOn()) {
            return admit(request, beacon, corsHeaders, () -> { });
        }
        String claim = id != null ? sameIds.claimId(endpoint, id) : sameBytes.claim(endpoint, clientAddress, decoded);
        if (claim == null) {
            delivery.countDuplicate();
            return Answer.noContent(corsHeaders); // what the first one got: the client has nothing to retry
        }
        return admit(request, beacon, corsHeaders, () -> window.release(claim)); // refused after all: its retry is not a duplicate
    }

    /**
     * @param forget forgets the beacon in the duplicate window, called when it is refused
     */
    private Answer admit(IncomingRequest request, Beacon beacon, Map<String, String> corsHeaders, Runnable forget) {
        Admission.Ticket ticket = delivery.reserve(beacon);
        if (ticket.outcome() != InFlightBudget.Reservation.TAKEN) {
            forget.run();
        }
        return switch (ticket.outcome()) {
            case TAKEN -> storedAnswers == null ? Answer.accepted(ticket, corsHeaders, delivery)
                    : storedAnswers.onceStored(request, ticket, corsHeaders, forget);
            case TOO_MANY_BEACONS -> refusals.noRoom(request, "Too many beacons awaiting delivery", corsHeaders);
            case TOO_MANY_BYTES -> refusals.noRoom(request, "Too many bytes awaiting delivery", corsHeaders);
            case CLOSED -> refusals.shuttingDown(request, corsHeaders);
            case NO_ROOM_IN_SINK -> refusals.noRoom(request, "A beacon sink has no room now", corsHeaders);
        };
    }
}
