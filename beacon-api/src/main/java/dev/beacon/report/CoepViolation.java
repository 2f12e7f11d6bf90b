package dev.beacon.report;

import java.util.List;
import java.util.Optional;

/**
 * A resource was blocked by the page's {@code Cross-Origin-Embedder-Policy} ({@code coep}).
 */
public final class CoepViolation extends Report {

    /** The report type these reports carry. */
    public static final String TYPE = "coep";

    CoepViolation(Envelope envelope) {
        super(envelope);
    }

    /**
     * @return {@code corp}, {@code navigation} or {@code worker initialization}: the body's {@code type}
     */
    public Optional<String> violationType() {
        return fields.string("type");
    }

    /**
     * @return the blocked resource
     */
    public Optional<String> blockedURL() {
        return fields.string("blockedURL");
    }

    /**
     * @return its request destination, e.g. {@code image}
     */
    public Optional<String> destination() {
        return fields.string("destination");
    }

    /**
     * @return {@code enforce}, or {@code reporting} for a report-only policy
     */
    public Optional<String> disposition() {
        return fields.string("disposition");
    }

    /** What was blocked, and how: the violation, the destination, the resource's origin, the page without its query. */
    @Override
    List<String> identity() {
        return List.of(violationType().orElse(""), destination().orElse(""), Fingerprint.originOrKeyword(blockedURL()),
                Fingerprint.page(url()));
    }
}
