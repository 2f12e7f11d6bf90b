package dev.beacon.report;

import java.util.List;
import java.util.Optional;

/**
 * A feature the page's {@code Permissions-Policy} denies was used ({@code permissions-policy-violation}).
 * Chromium names the feature {@code policyId}, where the spec says {@code featureId}; {@link #featureId()}
 * reads either.
 */
public final class PermissionsPolicyViolation extends LocatedReport {

    /** The report type these reports carry. */
    public static final String TYPE = "permissions-policy-violation";

    PermissionsPolicyViolation(Envelope envelope) {
        super(envelope);
    }

    /**
     * @return the feature, e.g. {@code geolocation}
     */
    public Optional<String> featureId() {
        return fields.string("featureId", "policyId");
    }

    /**
     * @return the browser's explanation, as Chromium sends it
     */
    public Optional<String> message() {
        return fields.string("message");
    }

    /**
     * @return {@code enforce}, or {@code report} for a report-only policy
     */
    public Optional<String> disposition() {
        return fields.string("disposition");
    }

    /** The feature, and the file that used it without its query. */
    @Override
    List<String> identity() {
        return List.of(featureId().orElse(""), Fingerprint.page(sourceFile()));
    }
}
