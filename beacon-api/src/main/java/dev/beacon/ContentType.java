package dev.beacon;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A media type as a browser sent it in {@code Content-Type}: type, subtype and parameters.
 * <p>
 * Type, subtype and parameter names compare case-insensitively and are kept lower-case; parameter
 * values are kept as sent. {@link #toString()} gives back the header exactly as received.
 * <pre>{@code
 * ContentType type = ContentType.parse("text/plain;charset=UTF-8");
 * type.essence();          // "text/plain"
 * type.charset();          // Optional[UTF-8]
 * type.is("TEXT/PLAIN");   // true
 * }</pre>
 */
public final class ContentType {

    private final String type;
    private final String subtype;
    private final String essence;
    private final Map<String, String> parameters;
    private final String received;

    private ContentType(String type, String subtype, Map<String, String> parameters, String received) {
        this.type = type;
        this.subtype = subtype;
        this.essence = type + '/' + subtype; // asked of every beacon, several times
        this.parameters = parameters;
        this.received = received;
    }

    /**
     * Parses a {@code Content-Type} header value.
     *
     * @param header the header value, e.g. {@code multipart/form-data; boundary=----WebKitFormBoundaryX}
     * @return the parsed media type
     * @throws MalformedBeaconException when the value is not {@code type/subtype} followed by
     *         well-formed parameters
     */
    public static ContentType parse(String header) {
        String value = header.strip();
        int slash = HeaderParameters.tokenEnd(value, 0);
        if (slash == 0 || slash == value.length() || value.charAt(slash) != '/') {
            throw new MalformedBeaconException("Content-Type is not of the form type/subtype");
        }
        int subtypeEnd = HeaderParameters.tokenEnd(value, slash + 1);
        if (subtypeEnd == slash + 1) {
            throw new MalformedBeaconException("Content-Type has an empty subtype");
        }
        return new ContentType(
                value.substring(0, slash).toLowerCase(Locale.ROOT),
                value.substring(slash + 1, subtypeEnd).toLowerCase(Locale.ROOT),
                HeaderParameters.parse(value, subtypeEnd, HeaderParameters.Quoting.QUOTED_PAIRS),
                header);
    }

    /**
     * @return the top-level type, lower-case, e.g. {@code text}
     */
    public String type() {
        return type;
    }

    /**
     * @return the subtype, lower-case, e.g. {@code plain}
     */
    public String subtype() {
        return subtype;
    }

    /**
     * @return {@code type/subtype} without parameters, lower-case, e.g. {@code application/json}
     */
    public String essence() {
        return essence;
    }

    /**
     * @param essence a media type without parameters, e.g. {@code application/json}
     * @return whether this media type is that one, ignoring case and parameters
     */
    public boolean is(String essence) {
        return essence().equalsIgnoreCase(essence.strip());
    }

    /**
     * @return whether this is a JSON media type: {@code application/json}, any
     *         {@code application/*+json} (such as {@code application/reports+json}), or
     *         {@code application/csp-report}, which holds JSON without saying so
     */
    public boolean isJson() {
        return is("application/json") || is("application/csp-report") || type().equals("application") && subtype().endsWith("+json");
    }

    /**
     * @param name a parameter name, any case
     * @return its value as sent, if present
     */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * @return all parameters, names lower-case, in the order sent; unmodifiable
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    /**
     * @return the {@code charset} parameter as a {@link Charset}, if present
     * @throws MalformedBeaconException when the charset is not known to this JVM
     */
    public Optional<Charset> charset() {
        return parameter("charset").map(ContentType::charsetNamed);
    }

    private static Charset charsetNamed(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new MalformedBeaconException("Unknown charset in Content-Type", e);
        }
    }

    /**
     * @return the header exactly as received
     */
    @Override
    public String toString() {
        return received;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContentType that
                && type.equals(that.type) && subtype.equals(that.subtype) && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + subtype.hashCode()) * 31 + parameters.hashCode();
    }
}
