package dev.beacon;

import jakarta.json.JsonValue;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One beacon a browser sent: the CDI event that beacon observers receive.
 * <p>
 * Observe every beacon, or those of one endpoint with {@link BeaconEndpoint}; synchronously with
 * {@code @Observes} (after the browser already has its {@code 204}) or asynchronously with
 * {@code @ObservesAsync}:
 * <pre>{@code
 * @ApplicationScoped
 * public class Analytics {
 *     void onBeacon(@Observes Beacon beacon) {
 *         log.info(beacon.endpoint() + " " + beacon.text());
 *     }
 *     void onCspReport(@ObservesAsync @BeaconEndpoint("csp") Beacon report) {
 *         report.json().ifPresent(this::store);
 *     }
 * }
 * }</pre>
 * A beacon is an immutable snapshot: it holds no reference to the request, so it stays valid in
 * asynchronous observers long after the response was sent. Its body has been read as its media type
 * before the browser got its {@code 204}: a body that is not readable as what it claims to be (JSON
 * that does not parse, a truncated multipart form) is refused with {@code 400}, so the views an
 * observer asks for ({@link #json()}, {@link #form()}) do not fail for it. Browsers send:
 * <table>
 * <caption>What each page call arrives as</caption>
 * <tr><th>page calls</th><th>{@link #contentType()}</th><th>read it with</th></tr>
 * <tr><td>{@code sendBeacon(url, "text")}</td><td>{@code text/plain;charset=UTF-8}</td><td>{@link #text()}, {@link #json()} when it holds JSON</td></tr>
 * <tr><td>{@code sendBeacon(url, new Blob([json], {type: "application/json"}))}</td><td>{@code application/json}</td><td>{@link #json()}</td></tr>
 * <tr><td>{@code sendBeacon(url, new URLSearchParams(...))}</td><td>{@code application/x-www-form-urlencoded;charset=UTF-8}</td><td>{@link #form()}</td></tr>
 * <tr><td>{@code sendBeacon(url, formData)}</td><td>{@code multipart/form-data; boundary=...}</td><td>{@link #form()}, files in {@link BeaconForm#files()}</td></tr>
 * <tr><td>{@code sendBeacon(url, arrayBuffer)}, an untyped {@code Blob}, no body</td><td>absent</td><td>{@link #body()}</td></tr>
 * <tr><td>a CSP {@code report-uri} violation</td><td>{@code application/csp-report}</td><td>{@link #json()}</td></tr>
 * <tr><td>a Reporting API batch</td><td>{@code application/reports+json}</td><td>{@link #json()} (an array)</td></tr>
 * </table>
 */
public final class Beacon {

    /** The query parameter that carries a beacon's {@link #id()}. */
    public static final String ID_PARAMETER = "beacon-id";

    private final String endpoint;
    private final String path;
    private final String id;
    private final ContentType contentType;
    private final byte[] body;
    private final Instant receivedAt;
    private final String clientAddress;
    /** The values of {@link Builder#KEPT_HEADERS}, by their place there; {@code null} where absent. An array, not a map: one per beacon. */
    private final String[] headers;
    private final Map<String, String> cookies;
    private final boolean lenientBinding;

    // Parsed views, kept once computed: they are immutable, and a race only parses twice to the same value.
    private volatile Optional<JsonValue> json;
    private volatile Optional<BeaconForm> form;
    private volatile Map<Class<?>, Object> bound = Map.of();

    private Beacon(Builder builder) {
        this.endpoint = Objects.requireNonNull(builder.endpoint, "endpoint");
        this.path = Objects.requireNonNull(builder.path, "path");
        this.id = builder.id;
        this.contentType = builder.contentType;
        this.body = builder.body;
        this.receivedAt = builder.receivedAt == null ? Instant.now() : builder.receivedAt;
        this.clientAddress = builder.clientAddress;
        this.headers = builder.headers.clone();
        this.cookies = Map.copyOf(builder.cookies);
        this.lenientBinding = builder.lenientBinding;
    }

    /**
     * Starts a beacon; the library builds them, applications need this only in their tests.
     *
     * @param endpoint the endpoint name, e.g. {@code csp} or {@value BeaconEndpoint#DEFAULT}
     * @param path the request path, e.g. {@code /shop/beacon/csp}
     * @return a builder with an empty body and no headers
     */
    public static Builder builder(String endpoint, String path) {
        return new Builder(endpoint, path);
    }

    /**
     * @return the endpoint name: the last path segment of {@code /beacon/{name}}, or
     *         {@value BeaconEndpoint#DEFAULT} for the bare beacon path
     */
    public String endpoint() {
        return endpoint;
    }

    /**
     * @return the request path from the server root, as sent (not decoded), without the query
     */
    public String path() {
        return path;
    }

    /**
     * The id the client gave this beacon, as the query parameter {@value #ID_PARAMETER} of its URL: the same id on a
     * beacon sent again, so that a resend is recognised as the beacon it repeats, by the library within
     * {@code beacon.duplicate-id-window} and by a consumer downstream. {@code beacon.js} gives every batch one: its
     * page id and sequence number. At most 128 letters, digits and {@code . _ ~ : -}; a beacon with another is refused
     * {@code 400}.
     *
     * @return the id, absent when the URL carries none
     */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /**
     * @return the media type as the browser sent it; absent when it sent no {@code Content-Type},
     *         as Chromium does for an {@code ArrayBuffer}, an untyped {@code Blob} or no body
     */
    public Optional<ContentType> contentType() {
        return Optional.ofNullable(contentType);
    }

    /**
     * @return a copy of the body bytes, exactly as received; empty for a beacon without body
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * @return the body size in bytes
     */
    public int size() {
        return body.length;
    }

    /**
     * @return the body decoded in the charset of its {@code Content-Type}, UTF-8 when it names
     *         none; malformed byte sequences become U+FFFD
     * @throws MalformedBeaconException when the {@code charset} parameter names a charset the JVM
     *         does not know
     */
    public String text() {
        return new String(body, charset());
    }

    /**
     * The body as JSON, for the JSON media types and for text that holds JSON.
     * <ul>
     * <li>{@code application/json}, any {@code application/*+json} (such as
     * {@code application/reports+json}) and {@code application/csp-report}: parsed, and an error
     * if it does not parse.</li>
     * <li>{@code text/plain} or no {@code Content-Type}: parsed when the text is a JSON object or
     * array, which is how most trackers send JSON (a string sent with {@code sendBeacon} is
     * {@code text/plain}, and needs no CORS preflight); absent otherwise.</li>
     * <li>any other media type: absent.</li>
     * </ul>
     *
     * @return the parsed JSON value, or empty when the body is not JSON
     * @throws MalformedBeaconException when a body of a JSON media type does not parse
     */
    public Optional<JsonValue> json() {
        Optional<JsonValue> parsed = json;
        if (parsed == null) {
            json = parsed = parseJson();
        }
        return parsed;
    }

    private Optional<JsonValue> parseJson() {
        if (contentType == null || contentType.is("text/plain")) {
            return JsonBody.sniff(text());
        }
        if (contentType.isJson()) {
            return Optional.of(JsonBody.parse(text()));
        }
        return Optional.empty();
    }

    /**
     * The body as form fields, for {@code application/x-www-form-urlencoded} and
     * {@code multipart/form-data}; absent for every other media type.
     *
     * @return the form, or empty when the body is not a form
     * @throws MalformedBeaconException when the form is malformed: invalid percent-encoding, a
     *         multipart body without {@code boundary} parameter, or a truncated part
     */
    public Optional<BeaconForm> form() {
        Optional<BeaconForm> parsed = form;
        if (parsed == null) {
            form = parsed = parseForm();
        }
        return parsed;
    }

    private Optional<BeaconForm> parseForm() {
        if (contentType == null) {
            return Optional.empty();
        }
        if (contentType.is("application/x-www-form-urlencoded")) {
            return Optional.of(UrlEncodedForm.parse(body, charset()));
        }
        if (contentType.is("multipart/form-data")) {
            String boundary = contentType.parameter("boundary").orElseThrow(
                    () -> new MalformedBeaconException("multipart/form-data Content-Type has no boundary parameter"));
            return Optional.of(MultipartForm.parse(body, boundary, charset()));
        }
        return Optional.empty();
    }

    /**
     * The body bound to an application's class with JSON-B, e.g. {@code beacon.as(PageView.class)}: a
     * JSON body (of a JSON media type, or text that holds JSON, as trackers send it), or a form's fields
     * by name, so that one class serves {@code JSON.stringify(data)} and {@code new URLSearchParams(data)}
     * alike. A form field sent once binds as a string, which JSON-B reads as a number or a boolean where
     * the class says so; one sent several times binds as an array. Records bind through their canonical
     * constructor. The result is kept: every call for one class returns the same instance.
     * <p>
     * The binding is strict: a property the class does not declare (as a record component, a field, a setter or a
     * {@code @JsonbCreator} parameter, under its {@code @JsonbProperty} name), and a number its integral property
     * cannot hold without loss ({@code 1.7} or {@code 3000000000} for an {@code int}), fail it, naming the property,
     * in nested objects of the application's classes too; JSON-B alone would skip the one and cut the other. With
     * {@code beacon.binding=lenient} ({@link Builder#lenientBinding()}) JSON-B alone binds.
     * <p>
     * An observer of the class qualified with the endpoint, {@code void on(@Observes
     * @BeaconEndpoint("vitals") WebVital vital)}, receives it without calling this, and a body that does
     * not bind is then refused with {@code 400} before it is accepted.
     *
     * @param type the class to bind to
     * @param <T> the class
     * @return the bound instance
     * @throws MalformedBeaconException when the body holds neither JSON nor form fields, or does not bind
     *         to the class (the message names the class, and the property where it is known)
     */
    public <T> T as(Class<T> type) {
        Object instance = bound.get(type);
        if (instance == null) {
            synchronized (this) { // once per class: observers on other threads must get the same instance
                instance = bound.get(type);
                if (instance == null) {
                    instance = bind(type);
                    Map<Class<?>, Object> more = new LinkedHashMap<>(bound);
                    more.put(type, instance);
                    bound = Map.copyOf(more);
                }
            }
        }
        return type.cast(instance);
    }

    private Object bind(Class<?> type) {
        Optional<BeaconForm> fields = form();
        if (fields.isPresent()) {
            return PayloadBinding.bindFields(fields.get(), type, lenientBinding);
        }
        // Only JSON is handed to JSON-B: what it would make of other text is not what the sender meant. A JSON
        // media type needs no tree to say so (the intake checked its syntax, and JSON-B parses it anyway); text
        // is JSON when json() finds an object or array in it.
        boolean jsonMediaType = contentType().map(ContentType::isJson).orElse(false);
        if (!jsonMediaType && json().isEmpty()) {
            throw PayloadBinding.notBindable(type, contentType().map(ContentType::essence).orElse("a body without Content-Type"));
        }
        if (!lenientBinding) {
            // Through a lambda of JsonValue alone: a JSON-P subtype named in this class's code would have its
            // verifier load JSON-P when Beacon loads, which fails on a Tomcat without it (beacon-it-tomcat's WAR).
            json().ifPresent(tree -> StrictBinding.check(tree, type));
        }
        return PayloadBinding.bind(text(), type);
    }

    /**
     * @return when the library finished receiving the body
     */
    public Instant receivedAt() {
        return receivedAt;
    }

    /**
     * @return the client's address, if known: the peer's, or, when the peer is one of
     *         {@code beacon.trusted-proxies}, the address it forwarded (the first from the right in
     *         {@code Forwarded} or {@code X-Forwarded-For} that is not a trusted proxy)
     */
    public Optional<String> clientAddress() {
        return Optional.ofNullable(clientAddress);
    }

    /**
     * @return the {@code Forwarded} header (RFC 7239) as received, whoever sent it: believed for
     *         {@link #clientAddress()} only from a trusted proxy
     */
    public Optional<String> forwarded() {
        return header(Builder.FORWARDED);
    }

    /**
     * @return the {@code X-Forwarded-For} header as received, whoever sent it: believed for
     *         {@link #clientAddress()} only from a trusted proxy
     */
    public Optional<String> xForwardedFor() {
        return header(Builder.X_FORWARDED_FOR);
    }

    /**
     * @return the {@code Origin} header: browsers send it with every beacon, same-origin too
     */
    public Optional<String> origin() {
        return header(Builder.ORIGIN);
    }

    /**
     * @return the {@code Referer} header: the full page URL same-origin, the origin only
     *         cross-origin, absent for Reporting API deliveries
     */
    public Optional<String> referer() {
        return header(Builder.REFERER);
    }

    /**
     * @return the {@code User-Agent} header
     */
    public Optional<String> userAgent() {
        return header(Builder.USER_AGENT);
    }

    /**
     * @return the {@code Sec-Fetch-Site} header: {@code same-origin}, {@code same-site},
     *         {@code cross-site} or {@code none}; absent from older browsers and non-browsers
     */
    public Optional<String> secFetchSite() {
        return header(Builder.SEC_FETCH_SITE);
    }

    /**
     * @return the {@code Sec-Fetch-Mode} header: {@code no-cors} for {@code sendBeacon},
     *         {@code cors} for a {@code fetch} that needed CORS
     */
    public Optional<String> secFetchMode() {
        return header(Builder.SEC_FETCH_MODE);
    }

    /**
     * @return the {@code Sec-Fetch-Dest} header, {@code empty} for beacons
     */
    public Optional<String> secFetchDest() {
        return header(Builder.SEC_FETCH_DEST);
    }

    /**
     * @return the {@code Priority} header (RFC 9218): Firefox sends {@code u=6}, the lowest urgency but one,
     *         with its beacons; Chromium sends none over HTTP/1.1
     */
    public Optional<String> priority() {
        return header(Builder.PRIORITY);
    }

    /**
     * The cookies the browser sent with the beacon. Same-site beacons carry all of the page's cookies,
     * session cookies included: treat their values as credentials, and never log or publish them.
     * Cross-site beacons carry none in current browsers.
     *
     * @return the cookies, by name; unmodifiable, empty when the browser sent none
     */
    public Map<String, String> cookies() {
        return cookies;
    }

    private Optional<String> header(int kept) {
        return Optional.ofNullable(headers[kept]);
    }

    private Charset charset() {
        return contentType == null ? StandardCharsets.UTF_8 : contentType.charset().orElse(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Beacon[endpoint=" + endpoint + ", path=" + path + (id == null ? "" : ", id=" + id) + ", contentType=" + contentType
                + ", size=" + body.length + ", receivedAt=" + receivedAt + "]";
    }

    /**
     * Builds a {@link Beacon}. Not thread-safe; every setter returns the builder.
     */
    public static final class Builder {

        /**
         * The request headers a beacon keeps: what analytics observers need. {@code Authorization} and the like stay
         * behind; the cookies, which do carry credentials, are kept apart, see {@link Beacon#cookies()}.
         */
        private static final String[] KEPT_HEADERS = {
            "Origin", "Referer", "User-Agent", "Sec-Fetch-Site", "Sec-Fetch-Mode", "Sec-Fetch-Dest", "Priority", "Forwarded", "X-Forwarded-For"
        };
        // Each kept header's place in KEPT_HEADERS, and in the array a beacon keeps their values in.
        private static final int ORIGIN = 0;
        private static final int REFERER = 1;
        private static final int USER_AGENT = 2;
        private static final int SEC_FETCH_SITE = 3;
        private static final int SEC_FETCH_MODE = 4;
        private static final int SEC_FETCH_DEST = 5;
        private static final int PRIORITY = 6;
        private static final int FORWARDED = 7;
        private static final int X_FORWARDED_FOR = 8;

        private final String endpoint;
        private final String path;
        private String id;
        private ContentType contentType;
        private byte[] body = new byte[0];
        private Instant receivedAt;
        private String clientAddress;
        private final String[] headers = new String[KEPT_HEADERS.length];
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private boolean lenientBinding;

        private Builder(String endpoint, String path) {
            this.endpoint = endpoint;
            this.path = path;
        }

        /**
         * @param id the id the client gave the beacon, or {@code null} when it gave none
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param contentType the media type received, or {@code null} when none was sent
         * @return this builder
         */
        public Builder contentType(ContentType contentType) {
            this.contentType = contentType;
            return this;
        }

        /**
         * @param body the body bytes, taken as they are, not copied (a beacon is built for every request,
         *        and its body may be a mebibyte): do not change them afterwards. {@link Beacon#body()} hands
         *        out copies
         * @return this builder
         */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body"); // taken, not copied: see the Javadoc
            return this;
        }

        /**
         * @param receivedAt when the body was received; now when not set
         * @return this builder
         */
        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        /**
         * @param clientAddress the client's address, or {@code null} when unknown
         * @return this builder
         */
        public Builder clientAddress(String clientAddress) {
            this.clientAddress = clientAddress;
            return this;
        }

        /**
         * Keeps the request headers a beacon exposes ({@code Origin}, {@code Referer},
         * {@code User-Agent}, {@code Sec-Fetch-Site/Mode/Dest}, {@code Priority}, {@code Forwarded}, {@code X-Forwarded-For}); others are ignored.
         *
         * @param headerLookup gives a header's value by name, or {@code null} when absent
         * @return this builder
         */
        public Builder headers(Function<String, String> headerLookup) {
            for (int kept = 0; kept < KEPT_HEADERS.length; kept++) {
                String value = headerLookup.apply(KEPT_HEADERS[kept]);
                if (value != null) {
                    headers[kept] = value;
                }
            }
            return this;
        }

        /**
         * @param name a cookie name
         * @param value its value
         * @return this builder
         */
        public Builder cookie(String name, String value) {
            cookies.put(name, value);
            return this;
        }

        /**
         * Binds with JSON-B alone in {@link Beacon#as(Class)}: a property the class does not declare is skipped, and a
         * number is cut down to an integral property. The library calls this when {@code beacon.binding} is
         * {@code lenient}.
         *
         * @return this builder
         */
        public Builder lenientBinding() {
            this.lenientBinding = true;
            return this;
        }

        /**
         * @return the immutable beacon
         */
        public Beacon build() {
            return new Beacon(this);
        }
    }
}
