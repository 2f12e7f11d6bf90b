package dev.beacon.core.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleStateTest {

    @Test
    void writesTheRatesAndTheTopFaultsAsTheJsonThePageReadsWithReportTextsAsText() {
        Instant now = Instant.parse("2026-12-02T10:01:00Z");
        BeaconConsole console = new BeaconConsole(Duration.ofMinutes(1), Clock.fixed(now, ZoneOffset.UTC));
        String hostile = "x.example/\\\"</script><b>";
        console.windowClosed(List.of(FaultHistoryTest.rollup(hostile, 3)));
        StringWriter written = new StringWriter();

        console.state().writeJson(written);

        JsonObject state = Json.createReader(new StringReader(written.toString())).readObject();
        assertEquals(now.toEpochMilli(), state.getJsonNumber("now").longValue());
        assertEquals(10, state.getInt("tickSeconds"));
        assertEquals(60, state.getInt("rollupWindowSeconds"));
        assertEquals(List.of(), state.getJsonArray("intervals"), "no reading yet: the console has not started");
        JsonObject fault = state.getJsonArray("faults").getJsonObject(0);
        assertEquals(String.join("  ", FaultHistoryTest.report(hostile).fingerprintParts()), fault.getString("description"));
        assertEquals(List.of("csp", 3, 3), List.of(fault.getString("endpoint"), fault.getInt("total"), fault.getJsonArray("perWindow").getInt(0)));
    }
}
