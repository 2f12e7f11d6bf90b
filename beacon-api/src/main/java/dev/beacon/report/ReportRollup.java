package dev.beacon.report;

import java.time.Instant;
import java.util.Objects;

/**
 * What one window of an endpoint's reports held of one fault: fired once per window and {@link Report#fingerprint()
 * fingerprint} seen in it, where {@code beacon.reports.rollup-window} is set, qualified with the reports' endpoint as the
 * reports are. Observe it as any event:
 * <pre>{@code
 * void onRollup(@ObservesAsync @BeaconEndpoint("csp") ReportRollup rollup) {
 *     dashboard.add(rollup.fingerprint(), rollup.count(), rollup.distinctPages());
 * }
 * }</pre>
 * Every report accepted at an observed endpoint counts in exactly one rollup, whether it was delivered one by one or
 * only counted, as sampling decides: the rollups' counts add up to the reports accepted. However many distinct
 * fingerprints a window brings, at most {@code beacon.reports.max-fingerprints} get a rollup of their own; the reports of
 * the others count in the endpoint's {@linkplain #isOverflow() overflow rollup}: one for each of the first 16 endpoints
 * to overflow in the window, and one of endpoint {@code *} for all the others, so that made-up endpoint names cannot
 * make one each.
 *
 * @param endpoint the endpoint the reports came to; {@code *} for the overflow rollup of the endpoints past 16
 * @param fingerprint the fingerprint of every report counted here; {@value #OVERFLOW} for the overflow rollup
 * @param type the report type of the sample, e.g. {@code csp-violation}
 * @param count the reports counted, delivered or not
 * @param delivered of those, the reports delivered one by one to report observers; the others were sampled out
 * @param firstSeen when the first of them arrived
 * @param lastSeen when the last of them arrived
 * @param distinctPages how many distinct pages (report URLs, without their query) sent them, estimated within a few
 *        percent past a few dozen
 * @param distinctClients how many distinct client addresses sent them, estimated alike
 * @param sample the first of them: alone, in a beacon of its own that keeps the request's client address, time and
 *        headers but not the batch it came in, nor its cookies, so that a window holds no batch's bytes
 * @param windowStart when the window began
 * @param windowEnd when the window ended
 */
public record ReportRollup(String endpoint, String fingerprint, String type, long count, long delivered, Instant firstSeen,
                           Instant lastSeen, long distinctPages, long distinctClients, Report sample, Instant windowStart,
                           Instant windowEnd) {

    /** The fingerprint of the overflow rollup, which no report's fingerprint can be. */
    public static final String OVERFLOW = "overflow";

    /**
     * @throws NullPointerException when a value is missing
     */
    public ReportRollup {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
    }

    /**
     * @return whether it counts the reports of the fingerprints past {@code beacon.reports.max-fingerprints}, of any
     *         fault, rather than one fault's
     */
    public boolean isOverflow() {
        return OVERFLOW.equals(fingerprint);
    }

    /**
     * @return the reports counted but not delivered one by one
     */
    public long sampledOut() {
        return count - delivered;
    }
}
