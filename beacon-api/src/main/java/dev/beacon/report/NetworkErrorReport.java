package dev.beacon.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A request to the site failed or succeeded, as Network Error Logging ({@code network-error}) saw it
 * on the browser's side; {@link #url()} is the request's URL.
 */
public final class NetworkErrorReport extends Report {

    /** The report type these reports carry. */
    public static final String TYPE = "network-error";

    NetworkErrorReport(Envelope envelope) {
        super(envelope);
    }

    /**
     * @return the fraction of such requests the policy reports, 0 to 1
     */
    public OptionalDouble samplingFraction() {
        return fields.decimal("sampling_fraction");
    }

    /**
     * @return milliseconds from the start of the request to its failure or end
     */
    public OptionalLong elapsedTime() {
        return fields.integer("elapsed_time");
    }

    /**
     * @return where it failed: {@code dns}, {@code connection} or {@code application}
     */
    public Optional<String> phase() {
        return fields.string("phase");
    }

    /**
     * @return the error, e.g. {@code tcp.timed_out}, or {@code ok}: the body's {@code type}
     */
    public Optional<String> errorType() {
        return fields.string("type");
    }

    /**
     * @return the address the browser connected to
     */
    public Optional<String> serverIp() {
        return fields.string("server_ip");
    }

    /**
     * @return the protocol, e.g. {@code h2}
     */
    public Optional<String> protocol() {
        return fields.string("protocol");
    }

    /**
     * @return the request's referrer
     */
    public Optional<String> referrer() {
        return fields.string("referrer");
    }

    /**
     * @return the request method
     */
    public Optional<String> method() {
        return fields.string("method");
    }

    /**
     * @return the response status, 0 when none came
     */
    public OptionalLong statusCode() {
        return fields.integer("status_code");
    }

    /** The error, the phase it happened in, and the host the request was for. */
    @Override
    List<String> identity() {
        return List.of(errorType().orElse(""), phase().orElse(""), Fingerprint.host(url()));
    }
}
