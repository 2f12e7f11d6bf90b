package dev.beacon.core.rollup;

import dev.beacon.Beacon;
import dev.beacon.ContentType;
import dev.beacon.report.Report;
import dev.beacon.report.ReportReader;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rollup's sample, held for a whole window: the report alone, in a beacon of its own that keeps the request's client
 * address, time and headers but not the batch it came in, nor its cookies. A window of 10,000 faults, each first seen
 * in a batch of a megabyte, would otherwise hold ten gigabytes.
 */
final class DetachedSample {

    private static final ContentType REPORTS = ContentType.parse("application/reports+json");

    private DetachedSample() {
    }

    /**
     * @param report a report as it arrived
     * @return the same report, read from a beacon holding it alone
     */
    static Report of(Report report) {
        Beacon arrived = report.beacon();
        JsonObjectBuilder alone = Json.createObjectBuilder().add("type", report.type()).add("age", report.age().toMillis());
        report.url().ifPresent(url -> alone.add("url", url));
        report.userAgent().ifPresent(agent -> alone.add("user_agent", agent));
        alone.add("body", report.body());
        Map<String, Optional<String>> headers = Map.of("Origin", arrived.origin(), "Referer", arrived.referer(),
                "User-Agent", arrived.userAgent(), "Sec-Fetch-Site", arrived.secFetchSite(), "Sec-Fetch-Mode", arrived.secFetchMode(),
                "Sec-Fetch-Dest", arrived.secFetchDest(), "Priority", arrived.priority(), "Forwarded", arrived.forwarded(),
                "X-Forwarded-For", arrived.xForwardedFor());
        Beacon own = Beacon.builder(arrived.endpoint(), arrived.path()).contentType(REPORTS)
                .body(Json.createArrayBuilder().add(alone).build().toString().getBytes(StandardCharsets.UTF_8))
                .receivedAt(arrived.receivedAt()).clientAddress(arrived.clientAddress().orElse(null))
                .headers(name -> headers.getOrDefault(name, Optional.empty()).orElse(null)).build();
        List<Report> read = ReportReader.read(own).reports();
        return read.isEmpty() ? report : read.get(0); // read back as it was written: never empty, but never worse than the original
    }
}
