package dev.beacon.bench;

import dev.beacon.Beacon;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The beacon bodies the benchmarks take, each of an exact size so that bytes allocated per beacon
 * compare with the body's bytes, with the {@code Content-Type} Chromium sends and the view an
 * observer of such a body reads.
 */
public enum BrowserBody {

    /** {@code sendBeacon(url, string)}: a tracker's page-leave event, sent as text as most trackers do. */
    TEXT_100B("text/plain;charset=UTF-8", Beacon::text,
            pad("{\"n\":\"pageleave\",\"u\":\"https://shop.example/products/42\",\"d\":\"shop.example\",\"e\":\"%s\"}", 100)),

    /** {@code sendBeacon(url, new Blob([json], {type: "application/json"}))}: a batch of Web Vitals. */
    JSON_1KIB("application/json", Beacon::json, pad("{\"type\":\"web-vitals\",\"page\":\"https://shop.example/checkout?step=2\","
            + "\"session\":\"9f1c2a7e-4b7d-4e0a-9c55-2b8f0f6d1e3a\",\"metrics\":["
            + metric("LCP", "2310.5", "needs-improvement") + "," + metric("CLS", "0.031", "good") + ","
            + metric("INP", "184", "good") + "," + metric("FCP", "1120.2", "good") + "," + metric("TTFB", "402.7", "good")
            + "],\"ua\":\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\","
            + "\"note\":\"%s\"}", 1024)),

    /** {@code sendBeacon(url, formData)}: three fields and a JSON trace appended as a {@code Blob}. */
    FORM_DATA_8KIB(ChromiumFormData.CONTENT_TYPE, Beacon::form, pad(formData(), 8192));

    private final String contentType;
    private final Function<Beacon, Object> observerView;
    private final byte[] bytes;

    BrowserBody(String contentType, Function<Beacon, Object> observerView, byte[] bytes) {
        this.contentType = contentType;
        this.observerView = observerView;
        this.bytes = bytes;
    }

    /**
     * @return the {@code Content-Type} Chromium sends with it
     */
    public String contentType() {
        return contentType;
    }

    /**
     * @return the body; shared, never to be written
     */
    public byte[] bytes() {
        return bytes;
    }

    /**
     * @param beacon a beacon with this body
     * @return what an observer of this body reads: the text, the JSON value or the form
     */
    public Object readAsObserver(Beacon beacon) {
        return observerView.apply(beacon);
    }

    private static String metric(String name, String value, String rating) {
        return "{\"name\":\"" + name + "\",\"value\":" + value + ",\"rating\":\"" + rating
                + "\",\"id\":\"v4-1732000000000-" + name.length() + "193847561203\",\"navigationType\":\"navigate\"}";
    }

    /** The template with its {@code %s} filled so that the body is exactly {@code size} bytes of ASCII. */
    private static byte[] pad(String template, int size) {
        int filler = size - (template.length() - 2);
        if (filler < 0) {
            throw new IllegalStateException("Template longer than " + size + " bytes: " + template);
        }
        return template.formatted("x".repeat(filler)).getBytes(StandardCharsets.US_ASCII);
    }

    /** A page-leave form with the page's recent interactions as a trace; {@code %s} pads the trace. */
    private static String formData() {
        String events = IntStream.range(0, 130)
                .mapToObj(i -> "{\"t\":\"click\",\"x\":" + (37 * i % 1280) + ",\"y\":" + (91 * i % 720) + ",\"target\":\"button#buy\"}")
                .collect(Collectors.joining(","));
        return new ChromiumFormData()
                .field("event", "page-leave")
                .field("page", "/checkout?step=2")
                .field("session", "9f1c2a7e-4b7d-4e0a-9c55-2b8f0f6d1e3a")
                .blob("trace", "application/json", "{\"events\":[" + events + "],\"pad\":\"%s\"}")
                .body();
    }
}
