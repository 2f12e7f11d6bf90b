package dev.beacon.intake;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A request to a beacon path held in memory, for the intake rules that need no HTTP to prove.
 *
 * @param headerList every header in the order sent, a name repeated for each of its values
 */
record InMemoryRequest(String method, String serverOrigin, List<Map.Entry<String, String>> headerList, byte[] bodyBytes)
        implements IncomingRequest {

    static InMemoryRequest post(String serverOrigin, Map<String, String> headers, byte[] body) {
        return new InMemoryRequest("POST", serverOrigin, List.copyOf(headers.entrySet()), body);
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
