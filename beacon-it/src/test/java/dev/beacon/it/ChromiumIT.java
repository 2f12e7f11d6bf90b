package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.it.browser.Browser;
import dev.beacon.it.browser.Chromium;
import dev.beacon.it.browser.CspPage;
import dev.beacon.it.browser.DemoPage;
import dev.beacon.it.browser.DemoPage.Target;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The browser contract in Debian's headless Chromium, and what only Chromium does: it refuses beacons
 * past its 64 KiB keepalive quota, and it reports more than CSP violations through the Reporting API.
 */
@ExtendWith(Chromium.class)
class ChromiumIT extends BrowserContract {

    @Override
    String multipartBoundaryPrefix() {
        return "----WebKitFormBoundary";
    }

    @Override
    Optional<String> beaconPriority() {
        return Optional.empty();
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void largestBeaconTheBrowserQueuesArrivesWholeAndALargerOneIsRefusedByTheBrowser(Target target, Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);

        assertFalse(page.sendBeacon(page.beaconUrl(target, "over-quota"), "'a'.repeat(65537)"));
        assertTrue(page.sendBeacon(page.beaconUrl(target, "at-quota"), "'a'.repeat(65536)"));

        JsonObject largest = received.awaitOne("at-quota");
        assertEquals(65_536, largest.getInt("bytes"));
        assertEquals("a".repeat(65_536), largest.getString("text"));
        assertEquals(List.of(), received.of("", "over-quota"));
    }

    /**
     * Beside the CSP violation, Chromium reports a Permissions Policy violation to the filter's endpoint, and
     * deprecations and an intervention to the resource's: each reaches the observer as its own type, its fields read.
     */
    @Test
    void reportsOfEachTypeChromiumSendsArriveTypedThroughTheFilterAndTheResource(Browser browser) throws Exception {
        CspPage.openReportingApiPage(browser, secureApp());

        List<JsonObject> reports = received.awaitReports(Set.of("permissions-policy-violation", "deprecation", "intervention"));
        JsonObject permissions = ofType(reports, "permissions-policy-violation");
        assertEquals(List.of("PermissionsPolicyViolation", "filter", "geolocation"), fields(permissions, "class", "via", "subject"));
        assertTrue(permissions.getString("source").endsWith("/reporting.js"), permissions::toString);
        assertTrue(permissions.getInt("line") > 0, permissions::toString);
        JsonObject deprecation = ofType(reports, "deprecation");
        assertEquals(List.of("DeprecationReport", "jaxrs", "reports"), fields(deprecation, "class", "via", "endpoint"));
        JsonObject intervention = ofType(reports, "intervention");
        assertEquals(List.of("InterventionReport", "jaxrs", "NavigatorVibrate"), fields(intervention, "class", "via", "subject"));
        assertTrue(intervention.getString("url").endsWith("/reporting.html"), intervention::toString);
    }
}
