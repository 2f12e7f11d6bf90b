package dev.beacon.core.exchange;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A request to a beacon path held in memory, for the intake rules that need no HTTP to prove.
 *
 * @param protocol {@code HTTP/1.1}, unless a test says otherwise
 * @param headerList every header in the order sent, a name repeated for each of its values
 * @param query the query string, {@code null} when the URL has none
 */
public record InMemoryRequest(String method, String protocol, String serverOrigin, List<Map.Entry<String, String>> headerList,
                              byte[] bodyBytes, String query) implements IncomingRequest {

    public InMemoryRequest(String method, String protocol, String serverOrigin, List<Map.Entry<String, String>> headerList, byte[] bodyBytes) {
        this(method, protocol, serverOrigin, headerList, bodyBytes, null);
    }

    public static InMemoryRequest post(String serverOrigin, Map<String, String> headers, byte[] body) {
        return new InMemoryRequest("POST", "HTTP/1.1", serverOrigin, List.copyOf(headers.entrySet()), body);
    }

    /** The same request over another protocol, e.g. {@code HTTP/2.0}. */
    public InMemoryRequest over(String otherProtocol) {
        return new InMemoryRequest(method, otherProtocol, serverOrigin, headerList, bodyBytes, query);
    }

    /** The same request to a URL with this query string. */
    public InMemoryRequest withQuery(String otherQuery) {
        return new InMemoryRequest(method, protocol, serverOrigin, headerList, bodyBytes, otherQuery);
    }

    @Override
    public String path() {
        return "/beacon";
    }

    @Override
    public List<String> headers(String name) {
        return headerList.stream().filter(header -> header.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    @Override
    public String clientAddress() {
        return "127.0.0.1";
    }

    @Override
    public Map<String, String> cookies() {
        return Map.of();
    }

    @Override
    public InputStream body() {
        return new ByteArrayInputStream(bodyBytes);
    }

    @Override
    public String toString() {
        return method + " " + headerList + " " + bodyBytes.length + " bytes";
    }
}
