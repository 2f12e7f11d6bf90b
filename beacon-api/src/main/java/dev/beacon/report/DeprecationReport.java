package dev.beacon.report;

import java.util.List;
import java.util.Optional;

/**
 * A deprecated API was used ({@code deprecation}, WICG Deprecation Reporting), e.g. a synchronous
 * {@code XMLHttpRequest} or an {@code unload} listener.
 */
public final class DeprecationReport extends LocatedReport {

    /** The report type these reports carry. */
    public static final String TYPE = "deprecation";

    DeprecationReport(Envelope envelope) {
        super(envelope);
    }

    /**
     * @return the browser's name for the deprecated feature, e.g. {@code UnloadHandler}
     */
    public Optional<String> id() {
        return fields.string("id");
    }

    /**
     * @return the browser's explanation
     */
    public Optional<String> message() {
        return fields.string("message");
    }

    /**
     * @return when the feature is expected to go, as the browser wrote the date
     */
    public Optional<String> anticipatedRemoval() {
        return fields.string("anticipatedRemoval");
    }

    /** The feature's id, and the file that used it without its query. */
    @Override
    List<String> identity() {
        return List.of(id().orElse(""), Fingerprint.page(sourceFile()));
    }
}
