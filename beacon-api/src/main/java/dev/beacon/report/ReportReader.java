package dev.beacon.report;

import dev.beacon.Beacon;
import dev.beacon.ContentType;
import dev.beacon.MalformedBeaconException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the reports a beacon holds, as the library does to deliver them to {@link Report} observers. Most
 * applications observe {@link Report} and its subtypes instead; one that observes {@link Beacon} can read a batch
 * here. Reading touches nothing of the library's: no counter, no state.
 * <ul>
 * <li>{@code application/reports+json}: one report per element of the batch. An element that is not a
 * report (not an object, no {@code type}, a {@code body} that is not an object) is left out and named
 * in {@link Reports#malformed()}; the others are read.</li>
 * <li>{@code application/csp-report}: one {@link CspViolation} from the {@code "csp-report"} object, or
 * a malformed report when there is none.</li>
 * <li>{@code application/json} whose object holds a {@code "csp-report"} object, as older Firefox and
 * WebKit send CSP reports: one {@link CspViolation}. Any other JSON holds no report.</li>
 * </ul>
 */
public final class ReportReader {

    private static final Map<String, Function<Report.Envelope, Report>> TYPES = Map.of(
            CspViolation.TYPE, CspViolation::new,
            DeprecationReport.TYPE, DeprecationReport::new,
            InterventionReport.TYPE, InterventionReport::new,
            PermissionsPolicyViolation.TYPE, PermissionsPolicyViolation::new,
            CrashReport.TYPE, CrashReport::new,
            NetworkErrorReport.TYPE, NetworkErrorReport::new,
            CoepViolation.TYPE, CoepViolation::new,
            CoopViolation.TYPE, CoopViolation::new,
            IntegrityViolation.TYPE, IntegrityViolation::new);

    private static final String LEGACY_CSP_MEMBER = "csp-report";

    /**
     * The reports of one beacon.
     *
     * @param reports the reports read, in the order sent
     * @param malformed why each element that is not a report was left out, one entry per element
     */
    public record Reports(List<Report> reports, List<String> malformed) {

        static final Reports NONE = new Reports(List.of(), List.of());

        static Reports malformed(String cause) {
            return new Reports(List.of(), List.of(cause));
        }
    }

    private ReportReader() {
    }

    /**
     * @param beacon an accepted beacon
     * @return its reports; none when its media type carries no reports
     */
    public static Reports read(Beacon beacon) {
        ContentType contentType = beacon.contentType().orElse(null);
        if (contentType == null) {
            return Reports.NONE;
        }
        try {
            if (contentType.is("application/reports+json")) {
                return batch(beacon);
            }
            if (contentType.is("application/csp-report")) {
                JsonObject legacy = legacyCspReport(beacon.json().orElseThrow());
                return legacy == null ? Reports.malformed("an application/csp-report body without a \"csp-report\" object")
                        : new Reports(List.of(cspReport(legacy, beacon)), List.of());
            }
            if (contentType.is("application/json") && mayHoldLegacyCspReport(beacon)) {
                JsonObject legacy = legacyCspReport(beacon.json().orElseThrow());
                return legacy == null ? Reports.NONE : new Reports(List.of(cspReport(legacy, beacon)), List.of());
            }
        } catch (MalformedBeaconException e) {
            // Proven readable before the 204; only a JSON-P implementation stricter than the check gets here.
            return Reports.malformed("a body that is not JSON");
        }
        return Reports.NONE;
    }

    private static Reports batch(Beacon beacon) {
        JsonValue json = beacon.json().orElseThrow();
        if (json.getValueType() != JsonValue.ValueType.ARRAY) {
            return Reports.malformed("an application/reports+json body that is not an array");
        }
        List<Report> reports = new ArrayList<>();
        List<String> malformed = new ArrayList<>(0);
        for (JsonValue element : json.asJsonArray()) {
            if (!(element instanceof JsonObject report)) {
                malformed.add("a report that is not a JSON object");
            } else if (!(report.get("type") instanceof JsonString type)) {
                malformed.add("a report without a \"type\" string");
            } else if (!isObjectOrAbsent(report.get("body"))) {
                malformed.add("a report whose \"body\" is not a JSON object");
            } else {
                reports.add(report(type.getString(), report, beacon));
            }
        }
        return new Reports(List.copyOf(reports), List.copyOf(malformed));
    }

    private static Report report(String type, JsonObject report, Beacon beacon) {
        JsonValue body = report.get("body");
        ReportFields fields = new ReportFields(report);
        // Milliseconds; a negative age (a client's clock, or a forgery) reads as none.
        Duration age = Duration.ofMillis(Math.max(0, fields.integer("age").orElse(0)));
        Report.Envelope envelope = new Report.Envelope(type, fields.string("url").orElse(null), age,
                fields.string("user_agent").orElse(null), body instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT, beacon);
        return TYPES.getOrDefault(type, Report::new).apply(envelope);
    }

    private static CspViolation cspReport(JsonObject legacy, Beacon beacon) {
        String url = new ReportFields(legacy).string("document-uri").orElse(null);
        return new CspViolation(new Report.Envelope(CspViolation.TYPE, url, Duration.ZERO, beacon.userAgent().orElse(null), legacy, beacon));
    }

    private static JsonObject legacyCspReport(JsonValue json) {
        return json instanceof JsonObject object && object.get(LEGACY_CSP_MEMBER) instanceof JsonObject report ? report : null;
    }

    /** Read only what may be one: an endpoint's other JSON beacons are not parsed for nothing. */
    private static boolean mayHoldLegacyCspReport(Beacon beacon) {
        return beacon.text().contains("\"" + LEGACY_CSP_MEMBER + "\"");
    }

    private static boolean isObjectOrAbsent(JsonValue body) {
        return body == null || body == JsonValue.NULL || body instanceof JsonObject;
    }
}
