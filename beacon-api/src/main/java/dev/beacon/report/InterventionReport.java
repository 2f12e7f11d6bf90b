package dev.beacon.report;

import java.util.List;
import java.util.Optional;

/**
 * The browser refused a request of the page ({@code intervention}, WICG Intervention Reporting),
 * e.g. {@code navigator.vibrate()} without a user gesture.
 */
public final class InterventionReport extends LocatedReport {

    /** The report type these reports carry. */
    public static final String TYPE = "intervention";

    InterventionReport(Envelope envelope) {
        super(envelope);
    }

    /**
     * @return the browser's name for the intervention, e.g. {@code NavigatorVibrate}
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

    /** The feature's id, and the file that used it without its query. */
    @Override
    List<String> identity() {
        return List.of(id().orElse(""), Fingerprint.page(sourceFile()));
    }
}
