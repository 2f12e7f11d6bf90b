package dev.beacon.report;

import java.util.List;
import java.util.Optional;

/**
 * A resource failed its Subresource Integrity check, or would have under an
 * {@code Integrity-Policy} ({@code integrity-violation}).
 */
public final class IntegrityViolation extends Report {

    /** The report type these reports carry. */
    public static final String TYPE = "integrity-violation";

    IntegrityViolation(Envelope envelope) {
        super(envelope);
    }

    /**
     * @return the page
     */
    public Optional<String> documentURL() {
        return fields.string("documentURL");
    }

    /**
     * @return the resource
     */
    public Optional<String> blockedURL() {
        return fields.string("blockedURL");
    }

    /**
     * @return its request destination, e.g. {@code script}
     */
    public Optional<String> destination() {
        return fields.string("destination");
    }

    /**
     * @return whether the policy only reports
     */
    public Optional<Boolean> reportOnly() {
        return fields.bool("reportOnly");
    }

    /** The resource without its query, its destination, and the page without its query. */
    @Override
    List<String> identity() {
        return List.of(Fingerprint.page(blockedURL()), destination().orElse(""), Fingerprint.page(documentURL()));
    }
}
