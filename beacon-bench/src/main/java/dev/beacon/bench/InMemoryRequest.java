package dev.beacon.bench;

import dev.beacon.core.exchange.IncomingRequest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A beacon as Chromium sends it same-origin with {@code sendBeacon}, held in memory. Its headers are
 * looked up without allocating, as a container's parsed header table is: what the benchmarks count
 * is the library's allocation, not this stand-in's.
 */
public final class InMemoryRequest implements IncomingRequest {

    /** The page's own origin, the one that sends the beacon. */
    public static final String ORIGIN = "https://shop.example";
    /** The bare beacon path. */
    public static final String PATH = "/beacon";

    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> cookies = Map.of("_ga", "GA1.1.1234567890.1732000000", "cart", "3f9a1c");
    private final byte[] body;

    /**
     * @param body the body and its media type
     */
    public InMemoryRequest(BrowserBody body) {
        this(body.contentType(), body.bytes());
    }

    /**
     * @param contentType the body's media type
     * @param body the body
     */
    public InMemoryRequest(String contentType, byte[] body) {
        this.body = body;
        header("Host", "shop.example");
        header("Connection", "keep-alive");
        header("Content-Length", Integer.toString(this.body.length));
        header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        header("Content-Type", contentType);
        header("Accept", "*/*");
        header("Origin", ORIGIN);
        header("Sec-Fetch-Site", "same-origin");
        header("Sec-Fetch-Mode", "no-cors");
        header("Sec-Fetch-Dest", "empty");
        header("Referer", ORIGIN + "/products/42");
        header("Accept-Encoding", "gzip, deflate, br, zstd");
        header("Accept-Language", "en-US,en;q=0.9");
        header("Cookie", "_ga=GA1.1.1234567890.1732000000; cart=3f9a1c");
    }

    private void header(String name, String value) {
        headers.put(name, List.of(value));
    }

    @Override
    public String protocol() {
        return "HTTP/1.1";
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    @Override
    public String serverOrigin() {
        return ORIGIN;
    }

    @Override
    public String clientAddress() {
        return "203.0.113.7";
    }

    @Override
    public Map<String, String> cookies() {
        return cookies;
    }

    /** A new stream each call, as each request has its own; the bytes behind it are shared. */
    @Override
    public InputStream body() {
        return new ByteArrayInputStream(body);
    }
}
