package dev.beacon.core.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.ContentType;
import dev.beacon.report.CspViolation;
import dev.beacon.report.ReportReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {

    @Test
    void aSchemeAHostAHostAndThoseBelowItAndAPatternEachMatchTheBlockedUrlOrTheSourceFile() {
        IgnoreRules rules = IgnoreRules.of(List.of("chrome:", "ads.example", "*.tracker.example", "https://cdn.example/legacy/*"), List.of(), false);

        assertEquals(Optional.of("chrome:"), rules.ruleFor(violation("chrome://settings/icon.png", null, null)));
        assertEquals(Optional.of("chrome:"), rules.ruleFor(violation("inline", "CHROME://x/inject.js", null)), "the source file, any case");
        assertEquals(Optional.of("ads.example"), rules.ruleFor(violation("https://ads.example/p.gif", null, null)));
        assertEquals(Optional.empty(), rules.ruleFor(violation("https://sub.ads.example/p.gif", null, null)), "a bare host is that host only");
        assertEquals(Optional.of("*.tracker.example"), rules.ruleFor(violation("https://a.b.tracker.example/t.js", null, null)));
        assertEquals(Optional.empty(), rules.ruleFor(violation("https://tracker.example/t.js", null, null)), "below it, not itself");
        assertEquals(Optional.of("https://cdn.example/legacy/*"), rules.ruleFor(violation("https://cdn.example/legacy/old.js", null, null)));
        assertEquals(Optional.empty(), rules.ruleFor(violation("https://cdn.example/modern.js", null, null)));
    }

    @Test
    void aSampleRuleMatchesTextTheScriptSampleHolds() {
        IgnoreRules rules = IgnoreRules.of(List.of(), List.of("__adblock_", "window.ethereum"), false);

        assertEquals(Optional.of("window.ethereum"), rules.ruleFor(violation("inline", null, "if (window.ethereum) {")));
        assertEquals(Optional.empty(), rules.ruleFor(violation("inline", null, "initCheckout()")));
        assertEquals(Optional.empty(), rules.ruleFor(violation("inline", null, null)));
    }

    @Test
    void theLibrarysListOfKnownNoiseNamesTheSchemesOfBrowsersExtensionsAndTheHostsOfAdware() {
        IgnoreRules known = IgnoreRules.of(List.of(), List.of(), true);

        assertEquals(Optional.of("about:"), known.ruleFor(violation("about", null, null)), "a bare scheme, as Chrome reports it");
        assertEquals(Optional.of("moz-extension:"), known.ruleFor(violation("inline", "moz-extension://abc/content.js", null)));
        assertEquals(Optional.of("*.superfish.com"), known.ruleFor(violation("https://www.superfish.com/ws/sf_main.js", null, null)));
        assertEquals(Optional.empty(), known.ruleFor(violation("https://cdn.shop.example/app.js", "https://shop.example/", null)));
        assertTrue(IgnoreRules.knownNoise().size() >= 30, "every entry of the list, with its evidence in the file");
        assertTrue(IgnoreRules.of(List.of(), List.of(), false) == IgnoreRules.NONE, "no rule costs nothing");
    }

    private static CspViolation violation(String blocked, String sourceFile, String sample) {
        StringBuilder body = new StringBuilder("{\"documentURL\":\"https://shop.example/\",\"blockedURL\":\"").append(blocked).append('"');
        if (sourceFile != null) {
            body.append(",\"sourceFile\":\"").append(sourceFile).append('"');
        }
        if (sample != null) {
            body.append(",\"sample\":\"").append(sample).append('"');
        }
        String batch = "[{\"type\":\"csp-violation\",\"body\":" + body + "}}]";
        Beacon beacon = Beacon.builder("csp", "/beacon/csp").contentType(ContentType.parse("application/reports+json"))
                .body(batch.getBytes(StandardCharsets.UTF_8)).build();
        return (CspViolation) ReportReader.read(beacon).reports().get(0);
    }
}
