package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.it.browser.Browser;
import dev.beacon.it.browser.DemoPage;
import dev.beacon.it.browser.DemoPage.Target;
import dev.beacon.it.browser.Firefox;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The browser contract in Debian's headless Firefox ESR, driven over WebDriver BiDi, and what only
 * Firefox does: it sends {@code sendBeacon} bodies past 64 KiB, which the library's 1 MiB default takes.
 */
@ExtendWith(Firefox.class)
class FirefoxIT extends BrowserContract {

    @Override
    String multipartBoundaryPrefix() {
        return "----geckoformboundary";
    }

    @Override
    Optional<String> beaconPriority() {
        return Optional.of("u=6");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void beaconsLargerThanChromiumsKeepaliveQuotaAreSentAndArriveWhole(Target target, Browser browser) throws Exception {
        DemoPage page = DemoPage.open(browser, app);

        assertTrue(page.sendBeacon(page.beaconUrl(target, "past-quota"), "'b'.repeat(200000)"));

        JsonObject large = received.awaitOne("past-quota");
        assertEquals(200_000, large.getInt("bytes"));
        assertEquals("b".repeat(200_000), large.getString("text"));
    }
}
