package dev.beacon.core.delivery;

import dev.beacon.core.rollup.IgnoreRules;
import dev.beacon.core.rollup.ReportRollups;
import dev.beacon.core.rollup.SampleRates;
import dev.beacon.core.settings.BeaconConfig;

/**
 * What the delivery does with the reports it reads, before their observers: the CSP violations it leaves out, each
 * counted, and which of the others it delivers one by one, counting every one in its rollup ({@link ReportRollups}).
 *
 * @param dropExtensionViolations whether CSP violations caused by browser extensions are left out
 * @param dropImpossibleViolations whether CSP violations whose own policy allows what they blocked are left out
 * @param ignore the CSP violations left out by the application's rules and the library's list of known noise
 * @param rollups which of the reports left are delivered one by one, and their windows' rollups
 * @param readEveryEndpoint whether every endpoint's beacons are read for reports, whether or not an observer receives
 *        them: the console's faults come from every endpoint's rollups
 */
record ReportRules(boolean dropExtensionViolations, boolean dropImpossibleViolations, IgnoreRules ignore, ReportRollups rollups,
                   boolean readEveryEndpoint) {

    /** Every report delivered, one by one, none counted: what an application that sets nothing gets. */
    static final ReportRules DELIVER_ALL = new ReportRules(false, false, IgnoreRules.NONE, ReportRollups.OFF, false);

    /**
     * @param config the validated configuration
     * @return the rules it sets
     */
    static ReportRules of(BeaconConfig config) {
        return new ReportRules(config.dropExtensionViolations(), config.dropImpossibleViolations(),
                IgnoreRules.of(config.cspIgnoreUrls(), config.cspIgnoreSamples(), config.cspIgnoreKnownNoise()), ReportRollups.of(config.reportRollupWindow(),
                config.reportMaxFingerprints(), config.reportDeliverFirst(), new SampleRates(config.reportSampleRate(), config.reportSampleRates())),
                config.console().isOn() && !config.reportRollupWindow().isZero());
    }

    /** @return whether every report is delivered as read: nothing to look at, report by report */
    boolean deliverAll() {
        return !dropExtensionViolations && !dropImpossibleViolations && ignore == IgnoreRules.NONE && rollups == ReportRollups.OFF;
    }
}
