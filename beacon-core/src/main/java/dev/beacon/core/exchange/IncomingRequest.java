package dev.beacon.core.exchange;

import dev.beacon.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A request to a beacon path, as the intake reads it.
 */
public interface IncomingRequest {

    /**
     * @return the HTTP method, upper-case
     */
    String method();

    /**
     * @return the protocol as the request line or the connection names it, e.g. {@code HTTP/1.1}, {@code HTTP/2.0}
     */
    String protocol();

    /**
     * @return the request path from the server root, not decoded, without the query
     */
    String path();

    /**
     * @return the query string as sent, without the {@code ?}; {@code null} when there is none
     */
    default String query() {
        return null;
    }

    /**
     * @param name a header name, any case
     * @return every value of that header, in the order received; empty when absent
     */
    List<String> headers(String name);

    /**
     * @param name a header name, any case
     * @return the first value of that header, or {@code null} when absent
     */
    default String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * @param name a header name, any case
     * @return whether the request has more than one value of that header
     */
    default boolean isRepeated(String name) {
        return headers(name).size() > 1;
    }

    /**
     * @return the request's media type, {@code null} when it has no {@code Content-Type}
     * @throws dev.beacon.MalformedBeaconException when the {@code Content-Type} does not parse
     */
    default ContentType contentType() {
        String header = header("Content-Type");
        return header == null ? null : RecentContentTypes.OF_THIS_APPLICATION.parse(header);
    }

    /**
     * @return the declared {@code Content-Length}, or {@code -1} when the request has none (a chunked
     *         body, or no body at all) or the header is not a number
     */
    default long contentLength() {
        String value = header("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1; // containers refuse a malformed length before the request reaches a beacon path
        }
    }

    /**
     * @return the origin this request was addressed to, {@code scheme://host[:port]}
     */
    String serverOrigin();

    /**
     * @return the client's address, or {@code null} when the runtime does not tell
     */
    String clientAddress();

    /**
     * @return the request's cookies, by name
     */
    Map<String, String> cookies();

    /**
     * @return the request body; read at most once
     * @throws IOException when the body cannot be opened
     */
    InputStream body() throws IOException;
}
