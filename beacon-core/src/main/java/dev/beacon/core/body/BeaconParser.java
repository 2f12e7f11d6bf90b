package dev.beacon.core.body;

import dev.beacon.Beacon;
import dev.beacon.ContentType;
import dev.beacon.MalformedBeaconException;
import dev.beacon.core.exchange.IncomingRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the {@link Beacon} of a request whose body is decoded, and reads the body as its observers
 * will, before the {@code 204}: a beacon that is accepted is always readable, and a broken sender
 * learns why it is not.
 */
public final class BeaconParser {

    /** A body that is not readable as its media type. */
    public static final class UnreadableBodyException extends Exception {
        private static final long serialVersionUID = 1L;

        private final int status;

        UnreadableBodyException(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }

        /** @return {@code 415} for a charset the server does not know, {@code 400} for a body that does not parse */
        public int status() {
            return status;
        }
    }

    private BeaconParser() {
    }

    /**
     * @param request the request
     * @param endpoint the endpoint its path stands for
     * @param id the id its client gave it, {@code null} when none
     * @param clientAddress the client's address as shown, behind the trusted proxies; {@code null} when unknown
     * @param headers the request's headers as the beacon keeps them
     * @param contentType its media type, {@code null} when it has none
     * @param body the decoded body
     * @param lenientBinding whether the beacon binds to a class as JSON-B alone binds it ({@link Beacon.Builder#lenientBinding()})
     * @return the beacon, its views proven readable
     * @throws UnreadableBodyException when the body is not readable as its media type
     */
    public static Beacon parse(IncomingRequest request, String endpoint, String id, String clientAddress, Function<String, String> headers,
                               ContentType contentType, byte[] body, boolean lenientBinding) throws UnreadableBodyException {
        Beacon.Builder builder = Beacon.builder(endpoint, request.path())
                .id(id)
                .contentType(contentType)
                .body(body)
                .receivedAt(Instant.now())
                .clientAddress(clientAddress)
                .headers(headers);
        request.cookies().forEach(builder::cookie);
        if (lenientBinding) {
            builder.lenientBinding();
        }
        Beacon beacon = builder.build();
        prove(beacon, body);
        return beacon;
    }

    /**
     * Binds the beacon to each class observed at its endpoint, before the {@code 204}: a beacon accepted
     * is never one its typed observers cannot receive. The bound instances are kept in the beacon.
     *
     * @param beacon the parsed beacon
     * @param payloadTypes the application's classes observed at its endpoint; usually none, which costs nothing
     * @throws UnreadableBodyException {@code 400} naming the class and the field, when the body does not bind
     */
    public static void bind(Beacon beacon, List<Class<?>> payloadTypes) throws UnreadableBodyException {
        for (Class<?> type : payloadTypes) {
            try {
                beacon.as(type);
            } catch (MalformedBeaconException e) {
                throw new UnreadableBodyException(400, e.getMessage());
            }
        }
    }

    private static void prove(Beacon beacon, byte[] body) throws UnreadableBodyException {
        Optional<ContentType> contentType = beacon.contentType();
        Charset charset;
        try {
            charset = contentType.flatMap(ContentType::charset).orElse(StandardCharsets.UTF_8);
        } catch (MalformedBeaconException e) {
            throw new UnreadableBodyException(415, "Unknown charset");
        }
        try {
            beacon.form();
            if (contentType.isPresent() && contentType.get().isJson()) {
                // Checked, not built: most observers never ask for the tree, and those that do ask after the 204.
                char first = JsonSyntax.check(body, charset);
                if (contentType.get().is("application/reports+json") && first != '[') {
                    throw new UnreadableBodyException(400, "An application/reports+json body must be a JSON array");
                }
            }
        } catch (MalformedBeaconException e) {
            throw new UnreadableBodyException(400, "Body not readable as its media type: " + e.getMessage());
        } catch (JsonSyntax.NotJsonException e) {
            throw new UnreadableBodyException(400, "Body not readable as its media type: Body is not valid JSON: " + e.getMessage());
        }
    }
}
