package dev.beacon.report;

import java.util.List;
import java.util.Optional;

/**
 * The page crashed or was killed ({@code crash}, WICG Crash Reporting); sent the next time the browser
 * runs.
 */
public final class CrashReport extends Report {

    /** The report type these reports carry. */
    public static final String TYPE = "crash";

    CrashReport(Envelope envelope) {
        super(envelope);
    }

    /**
     * @return why, e.g. {@code oom} or {@code unresponsive}
     */
    public Optional<String> reason() {
        return fields.string("reason");
    }

    /**
     * @return the JavaScript stack of an unresponsive page, when the page opted in
     */
    public Optional<String> stack() {
        return fields.string("stack");
    }

    /**
     * @return whether the crashed document was the top-level one
     */
    public Optional<Boolean> isTopLevel() {
        return fields.bool("is_top_level");
    }

    /** Why the page crashed, and the page without its query. */
    @Override
    List<String> identity() {
        return List.of(reason().orElse(""), Fingerprint.page(url()));
    }
}
