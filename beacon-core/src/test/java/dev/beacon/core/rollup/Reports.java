package dev.beacon.core.rollup;

import dev.beacon.Beacon;
import dev.beacon.ContentType;
import dev.beacon.report.Report;
import dev.beacon.report.ReportReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** CSP violations as a Reporting API batch of one brings them, for the rollups' tests. */
final class Reports {

    private Reports() {
    }

    /**
     * @param endpoint the beacon's endpoint
     * @param blocked the blocked URL: its origin is part of the fingerprint
     * @param page the violating page's URL
     * @param client the client's address
     * @param at when its beacon arrived
     * @return the report, read as the delivery reads it
     */
    static Report csp(String endpoint, String blocked, String page, String client, Instant at) {
        String batch = "[{\"type\":\"csp-violation\",\"url\":\"" + page + "\",\"body\":{\"blockedURL\":\"" + blocked
                + "\",\"documentURL\":\"" + page + "\",\"effectiveDirective\":\"img-src\"}}]";
        Beacon beacon = Beacon.builder(endpoint, "/beacon/" + endpoint).contentType(ContentType.parse("application/reports+json"))
                .body(batch.getBytes(StandardCharsets.UTF_8)).clientAddress(client).receivedAt(at).build();
        return ReportReader.read(beacon).reports().get(0);
    }

    static Report csp(String blocked, String client) {
        return csp("csp", blocked, "https://shop.example/cart", client, Instant.parse("2026-12-02T10:00:00Z"));
    }
}
