package dev.beacon.report;

import java.util.List;
import java.util.Optional;

/**
 * The page's {@code Cross-Origin-Opener-Policy} severed, or would have severed, a relation between
 * windows ({@code coop}).
 */
public final class CoopViolation extends LocatedReport {

    /** The report type these reports carry. */
    public static final String TYPE = "coop";

    CoopViolation(Envelope envelope) {
        super(envelope);
    }

    /**
     * @return e.g. {@code navigation-to-response} or {@code access-from-coop-page-to-opener}: the body's {@code type}
     */
    public Optional<String> violationType() {
        return fields.string("type");
    }

    /**
     * @return {@code enforce}, or {@code reporting} for a report-only policy
     */
    public Optional<String> disposition() {
        return fields.string("disposition");
    }

    /**
     * @return the policy in force, e.g. {@code same-origin}
     */
    public Optional<String> effectivePolicy() {
        return fields.string("effectivePolicy");
    }

    /**
     * @return the property accessed across the boundary, e.g. {@code postMessage}
     */
    public Optional<String> property() {
        return fields.string("property");
    }

    /**
     * @return the document navigated away from
     */
    public Optional<String> previousResponseURL() {
        return fields.string("previousResponseURL");
    }

    /**
     * @return the document navigated to
     */
    public Optional<String> nextResponseURL() {
        return fields.string("nextResponseURL");
    }

    /**
     * @return the opener's URL
     */
    public Optional<String> openerURL() {
        return fields.string("openerURL");
    }

    /**
     * @return the opened window's URL
     */
    public Optional<String> openeeURL() {
        return fields.string("openeeURL");
    }

    /**
     * @return the other document of an access report
     */
    public Optional<String> otherDocumentURL() {
        return fields.string("otherDocumentURL");
    }

    /**
     * @return the popup's first URL
     */
    public Optional<String> initialPopupURL() {
        return fields.string("initialPopupURL");
    }

    /**
     * @return the referrer
     */
    public Optional<String> referrer() {
        return fields.string("referrer");
    }

    /** The violation, the policy, the property accessed, and the page without its query. */
    @Override
    List<String> identity() {
        return List.of(violationType().orElse(""), effectivePolicy().orElse(""), property().orElse(""), Fingerprint.page(url()));
    }
}
