package dev.beacon.report;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A report that says where in the page's code it happened: a CSP or Permissions Policy violation, a
 * deprecation, an intervention, a COOP access. Observe it to receive every report that points at a line.
 */
public abstract class LocatedReport extends Report {

    LocatedReport(Envelope envelope) {
        super(envelope);
    }

    /**
     * @return the script or document where it happened ({@code source-file} in a legacy CSP report)
     */
    public Optional<String> sourceFile() {
        return fields.string("sourceFile", "source-file");
    }

    /**
     * @return the line in {@link #sourceFile()}, counted from 1 ({@code line-number} in a legacy CSP report)
     */
    public OptionalLong lineNumber() {
        return fields.integer("lineNumber", "line-number");
    }

    /**
     * @return the column in {@link #sourceFile()}, counted from 1 ({@code column-number} in a legacy CSP report)
     */
    public OptionalLong columnNumber() {
        return fields.integer("columnNumber", "column-number");
    }
}
