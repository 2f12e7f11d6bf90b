package dev.beacon.core.body;

import dev.beacon.core.exchange.IncomingRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The content codings a beacon body is accepted in, and their decoding held to the body limit: a
 * small compressed body cannot grow past the limit however far it would inflate.
 */
public final class ContentDecoding {

    /** A content coding a body can arrive in. */
    public enum Coding {
        IDENTITY, GZIP, DEFLATE;

        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Optional<Coding> IDENTITY = Optional.of(Coding.IDENTITY);

    private final Set<Coding> accepted = EnumSet.of(Coding.IDENTITY);
    private final String acceptEncoding;

    /**
     * @param codings the configured codings, lower-case: {@code gzip}, {@code deflate}
     */
    public ContentDecoding(List<String> codings) {
        codings.forEach(coding -> accepted.add(Coding.valueOf(coding.toUpperCase(Locale.ROOT))));
        this.acceptEncoding = accepted.stream().map(Coding::token).collect(Collectors.joining(", "));
    }

    /**
     * @param request a request
     * @return the coding its body is in; empty when that is not accepted
     */
    public Optional<Coding> codingOf(IncomingRequest request) {
        // Every browser beacon has no Content-Encoding: one lookup, no list of its values.
        return request.header("Content-Encoding") == null ? IDENTITY : codingOf(request.headers("Content-Encoding"));
    }

    /**
     * @param contentEncoding the request's {@code Content-Encoding} values, empty when it has none
     * @return the coding the body is in; empty when that is not accepted: a coding not configured,
     *         or several stacked, which no browser sends
     */
    Optional<Coding> codingOf(List<String> contentEncoding) {
        if (contentEncoding.isEmpty()) {
            return IDENTITY; // every browser beacon
        }
        List<String> tokens = contentEncoding.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(token -> token.strip().toLowerCase(Locale.ROOT))
                .filter(token -> !token.isEmpty() && !token.equals("identity"))
                .toList();
        if (tokens.isEmpty()) {
            return IDENTITY;
        }
        if (tokens.size() > 1) {
            return Optional.empty();
        }
        Coding coding = switch (tokens.get(0)) {
            case "gzip", "x-gzip" -> Coding.GZIP; // RFC 9110 asks recipients to take x-gzip as gzip
            case "deflate" -> Coding.DEFLATE;
            default -> null;
        };
        return accepted.contains(coding) ? Optional.of(coding) : Optional.empty();
    }

    /**
     * @return whether any coding besides {@code identity} is decoded: a preflight must then allow {@code Content-Encoding}
     */
    public boolean decodesAny() {
        return accepted.size() > 1;
    }

    /**
     * @return the value of {@code Accept-Encoding} in a {@code 415}: the codings accepted, {@code identity} first
     */
    public String acceptEncoding() {
        return acceptEncoding;
    }

    /**
     * @param coding the coding the body is in
     * @param body the body as received, already within the limit
     * @param maxBytes the limit the decoded body is held to
     * @return the decoded body
     * @throws BodyBuffer.BodyTooLargeException as soon as the decoded body crosses the limit
     * @throws IOException when the body is not valid in its coding, or ends early
     */
    public byte[] decode(Coding coding, byte[] body, long maxBytes) throws IOException {
        return switch (coding) {
            case IDENTITY -> body;
            case GZIP -> {
                if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
                    // Refused before GZIPInputStream's constructor, which would leave its Inflater to the garbage collector.
                    throw new ZipException("not in gzip format");
                }
                try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    yield new BodyBuffer(-1, maxBytes).readFrom(gzip).toByteArray();
                }
            }
            case DEFLATE -> inflate(body, maxBytes);
        };
    }

    private static byte[] inflate(byte[] body, long maxBytes) throws IOException {
        Inflater inflater = new Inflater();
        try {
            byte[] decoded = new BodyBuffer(-1, maxBytes).readFrom(new InflaterInputStream(new ByteArrayInputStream(body), inflater)).toByteArray();
            if (!inflater.finished()) {
                // InflaterInputStream ends quietly at a stream that asks for a preset dictionary: that body was not read.
                throw new ZipException("deflate stream needs a preset dictionary");
            }
            return decoded;
        } finally {
            inflater.end();
        }
    }
}
