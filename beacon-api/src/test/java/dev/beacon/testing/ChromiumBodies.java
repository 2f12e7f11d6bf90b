package dev.beacon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Beacon bodies byte for byte as Chromium sends them, with the Content-Type it sends ({@code null}
 * for none); see {@code shared/BROWSER-FACTS.md}.
 */
public final class ChromiumBodies {

    public static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    private ChromiumBodies() {
    }

    /** {@code sendBeacon(url, "text")}. */
    public static BrowserBody string(String text) {
        return new BrowserBody("text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sendBeacon(url, new Blob([text], {type: "text/plain"}))}. */
    public static BrowserBody textBlob(String text) {
        return new BrowserBody("text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sendBeacon(url, new Blob([json], {type: "application/json"}))}. */
    public static BrowserBody jsonBlob(String json) {
        return new BrowserBody("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sendBeacon(url, new Blob([bytes]))}: no type, so no Content-Type. */
    public static BrowserBody untypedBlob(byte[] bytes) {
        return new BrowserBody(null, bytes);
    }

    /** {@code sendBeacon(url, new Uint8Array(bytes).buffer)}: no Content-Type. */
    public static BrowserBody arrayBuffer(byte[] bytes) {
        return new BrowserBody(null, bytes);
    }

    /** {@code sendBeacon(url)}: no body, Content-Length 0, no Content-Type. */
    public static BrowserBody empty() {
        return new BrowserBody(null, new byte[0]);
    }

    /** {@code sendBeacon(url, new URLSearchParams({event: "unload", page: "/a b?c=d"}))}. */
    public static BrowserBody urlSearchParams() {
        return new BrowserBody("application/x-www-form-urlencoded;charset=UTF-8",
                "event=unload&page=%2Fa+b%3Fc%3Dd&emoji=%F0%9F%91%8B".getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code fd.append("event", "unload"); fd.append("trace", new Blob([json], {type: "application/json"}), "trace.json"); sendBeacon(url, fd)}. */
    public static BrowserBody formDataWithFile(String json) {
        String body = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"event\"\r\n\r\n"
                + "unload\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"trace\"; filename=\"trace.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + json + "\r\n"
                + "--" + BOUNDARY + "--\r\n";
        return new BrowserBody("multipart/form-data; boundary=" + BOUNDARY, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A CSP {@code report-uri} violation report. */
    public static BrowserBody cspReport() {
        return new BrowserBody("application/csp-report", ("{\"csp-report\":{\"document-uri\":\"http://127.0.0.1/page\","
                + "\"referrer\":\"\",\"violated-directive\":\"img-src\",\"effective-directive\":\"img-src\","
                + "\"original-policy\":\"img-src 'none'; report-uri /beacon/csp\",\"disposition\":\"enforce\","
                + "\"blocked-uri\":\"http://127.0.0.1/x.png\",\"status-code\":200}}").getBytes(StandardCharsets.UTF_8));
    }

    /** A Reporting API batch. */
    public static BrowserBody reportsJson() {
        return new BrowserBody("application/reports+json", ("[{\"age\":12,\"body\":{\"documentURL\":\"https://127.0.0.1/page\","
                + "\"blockedURL\":\"inline\",\"effectiveDirective\":\"script-src-elem\",\"disposition\":\"enforce\"},"
                + "\"type\":\"csp-violation\",\"url\":\"https://127.0.0.1/page\",\"user_agent\":\"Chromium\"}]")
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A report body exactly as a browser sent it, from {@code src/test/resources/reports} (its README says
     * what triggered each).
     *
     * @param contentType the Content-Type it came with
     * @param file the file name
     */
    public static BrowserBody captured(String contentType, String file) {
        try (InputStream in = ChromiumBodies.class.getResourceAsStream("/reports/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No captured report " + file);
            }
            return new BrowserBody(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body and the Content-Type a browser sends with it. */
    public record BrowserBody(String contentType, byte[] bytes) {

        /**
         * This body as Chromium sends it same-origin: a POST with {@code Origin} (the page's),
         * {@code Sec-Fetch-Site: same-origin} and the body's Content-Type, if any.
         *
         * @param headers name, value pairs added, or replacing Origin and Sec-Fetch-Site
         */
        public HttpRequest.Builder postTo(URI uri, String pageOrigin, String... headers) {
            Map<String, String> sent = new LinkedHashMap<>();
            sent.put("Origin", pageOrigin);
            sent.put("Sec-Fetch-Site", "same-origin");
            for (int i = 0; i < headers.length; i += 2) {
                sent.put(headers[i], headers[i + 1]);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
            sent.forEach(request::header);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return request;
        }
    }
}
