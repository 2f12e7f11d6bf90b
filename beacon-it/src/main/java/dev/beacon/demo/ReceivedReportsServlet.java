package dev.beacon.demo;

import dev.beacon.report.CspViolation;
import dev.beacon.report.DeprecationReport;
import dev.beacon.report.InterventionReport;
import dev.beacon.report.PermissionsPolicyViolation;
import dev.beacon.report.Report;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code GET /received-reports}: the reports the demo's {@code @Observes Report} observer received,
 * oldest first, as JSON, each with what its type says: the directive or feature, the blocked URL, the
 * source and line. Read from the typed accessors, never from the JSON the browser sent.
 */
@WebServlet("/received-reports")
public class ReceivedReportsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReceivedBeacons received;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String api = request.getContextPath() + "/api/";
        JsonArrayBuilder items = Json.createArrayBuilder();
        received.reports().forEach(report -> items.add(toJson(report, report.beacon().path().startsWith(api) ? "jaxrs" : "filter")));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(items.build().toString());
    }

    private static JsonObjectBuilder toJson(Report report, String via) {
        JsonObjectBuilder item = Json.createObjectBuilder()
                .add("type", report.type())
                .add("class", report.getClass().getSimpleName())
                .add("endpoint", report.endpoint())
                .add("via", via)
                .add("generatedAt", report.generatedAt().toString());
        optional(item, "url", report.url());
        if (report instanceof CspViolation violation) {
            optional(item, "subject", violation.effectiveDirective());
            optional(item, "blocked", violation.blockedURL());
            location(item, violation.sourceFile(), violation.lineNumber());
        } else if (report instanceof PermissionsPolicyViolation violation) {
            optional(item, "subject", violation.featureId());
            location(item, violation.sourceFile(), violation.lineNumber());
        } else if (report instanceof DeprecationReport deprecation) {
            optional(item, "subject", deprecation.id());
            location(item, deprecation.sourceFile(), deprecation.lineNumber());
        } else if (report instanceof InterventionReport intervention) {
            optional(item, "subject", intervention.id());
            location(item, intervention.sourceFile(), intervention.lineNumber());
        }
        return item;
    }

    private static void location(JsonObjectBuilder item, Optional<String> sourceFile, OptionalLong line) {
        optional(item, "source", sourceFile);
        line.ifPresent(number -> item.add("line", number));
    }

    private static void optional(JsonObjectBuilder item, String name, Optional<String> value) {
        value.ifPresent(text -> item.add(name, text));
    }
}
