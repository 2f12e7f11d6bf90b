package dev.beacon.report;

import dev.beacon.Beacon;
import dev.beacon.BeaconEndpoint;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One report a browser sent: a CSP violation, a deprecation, a network error, or any other type of
 * the Reporting API. Observe it as its own type, or every report as {@code Report}:
 * <pre>{@code
 * void onViolation(@Observes CspViolation violation) { ... }
 * void onAnyReport(@ObservesAsync @BeaconEndpoint("reports") Report report) { ... }
 * }</pre>
 * <p>
 * An {@code application/reports+json} batch arrives as one event per report, and a legacy
 * {@code application/csp-report} body as one {@link CspViolation}. Reports of the types the specs
 * define arrive as their own classes, which extend this one (see the {@linkplain dev.beacon.report
 * package}); a type the library does not know arrives as a {@code Report}, its fields in {@link #body()}.
 * <p>
 * Reports are delivered after the browser has its {@code 204}, with the {@link BeaconEndpoint} of the
 * beacon they came in, by the same rules as {@link Beacon}s: each synchronous observer isolated from the
 * others' failures, asynchronous observers only where there are any. The library reads reports only for
 * endpoints with a report observer. The {@link Beacon} observers of the endpoint still receive the whole
 * batch.
 */
public class Report {

    /**
     * What every report has besides its body, as the batch or the legacy format gave it.
     *
     * @param type the report type, e.g. {@code csp-violation}
     * @param url the page the report is about
     * @param age how long before sending the browser generated it
     * @param userAgent the browser's {@code User-Agent}
     * @param body the report body
     * @param beacon the beacon it came in
     */
    record Envelope(String type, String url, Duration age, String userAgent, JsonObject body, Beacon beacon) {
    }

    private final Envelope envelope;
    final ReportFields fields;
    /** Made at the first call: a race makes the same string twice, harmlessly. */
    private String fingerprint;

    Report(Envelope envelope) {
        this.envelope = envelope;
        this.fields = new ReportFields(envelope.body());
    }

    /**
     * @return the report type as sent, e.g. {@code csp-violation}, {@code deprecation}, {@code network-error}
     */
    public String type() {
        return envelope.type();
    }

    /**
     * @return the URL of the page (or, for a network error, the request) the report is about; absent
     *         when the browser did not say
     */
    public Optional<String> url() {
        return Optional.ofNullable(envelope.url());
    }

    /**
     * @return how long before the batch was sent the browser generated the report; zero for a legacy
     *         CSP report, which is sent at once
     */
    public Duration age() {
        return envelope.age();
    }

    /**
     * @return when the browser generated the report, by the server's clock: when its beacon was
     *         received, less its {@link #age()}
     */
    public Instant generatedAt() {
        return envelope.beacon().receivedAt().minus(envelope.age());
    }

    /**
     * @return the {@code User-Agent} of the browser that generated it, as the report names it (the
     *         request's header for a legacy CSP report)
     */
    public Optional<String> userAgent() {
        return Optional.ofNullable(envelope.userAgent());
    }

    /**
     * @return the report body as sent, every field included, also those the typed accessors do not
     *         name; for a legacy CSP report, the object inside {@code "csp-report"}
     */
    public JsonObject body() {
        return envelope.body();
    }

    /**
     * @return the endpoint the report was sent to, the value of the {@link BeaconEndpoint} it is fired with
     */
    public String endpoint() {
        return envelope.beacon().endpoint();
    }

    /**
     * @return the beacon the report came in: the request's metadata (client address, headers, cookies,
     *         reception time) and the whole batch
     */
    public Beacon beacon() {
        return envelope.beacon();
    }

    /**
     * What identifies the fault this report tells of, the same for every report of it from any browser, in either
     * format ({@code application/reports+json} or a legacy {@code application/csp-report}), and from one release of the
     * library to the next: group, count or de-duplicate reports by it. The report type, a colon and 16 hexadecimal
     * digits, e.g. {@code csp-violation:4f1c0b6a9d2e7380}, made of:
     * <ul>
     * <li>{@link CspViolation}: the {@linkplain CspViolation#effectiveDirective() directive}, the blocked resource's
     * origin (or keyword, such as {@code inline}), and the page without its query;</li>
     * <li>{@link NetworkErrorReport}: the error type, the phase, and the request's host;</li>
     * <li>{@link DeprecationReport}, {@link InterventionReport}: the id, and the source file without its query;</li>
     * <li>{@link PermissionsPolicyViolation}: the feature, and the source file without its query;</li>
     * <li>{@link CrashReport}: the reason, and the page without its query;</li>
     * <li>{@link CoepViolation}: the violation type, the destination, the blocked resource's origin, and the page
     * without its query;</li>
     * <li>{@link CoopViolation}: the violation type, the effective policy, the property, and the page without its query;</li>
     * <li>{@link IntegrityViolation}: the resource and the page, each without its query, and the destination;</li>
     * <li>a type the library does not know: the page without its query.</li>
     * </ul>
     * Line and column numbers, ages, user agents and samples vary between reports of one fault, and are left out.
     *
     * @return the fingerprint
     */
    public final String fingerprint() {
        String made = fingerprint;
        if (made == null) {
            made = Fingerprint.of(type(), identity()); // a digest: made once, however often rollups and observers ask
            fingerprint = made;
        }
        return made;
    }

    /**
     * What the {@linkplain #fingerprint() fingerprint} is made of, readable: for a CSP violation, e.g.
     * {@code [script-src-elem, https://ads.example, https://shop.example/cart]}. What a dashboard shows beside a
     * fingerprint, so that a person can tell the fault.
     *
     * @return the parts the fingerprint digests, after the report type, in order
     */
    public final List<String> fingerprintParts() {
        return identity();
    }

    /**
     * @return what identifies the fault among reports of this type; each report type says what
     */
    List<String> identity() {
        return List.of(Fingerprint.page(url()));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + type() + " at " + url().orElse("?") + " to endpoint " + endpoint() + "]";
    }
}
