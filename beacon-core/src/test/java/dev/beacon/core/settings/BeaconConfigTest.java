package dev.beacon.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BeaconConfigTest {

    @Test
    void defaultsFitWhatBrowsersSend() {
        BeaconConfig config = BeaconConfig.defaults();

        assertTrue(config.enabled());
        assertEquals(List.of("/beacon"), config.paths());
        assertEquals(List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/json",
                "application/reports+json", "application/csp-report", "application/octet-stream", "none"), config.mediaTypes());
        assertEquals(1_048_576, config.maxBodySize());
        assertEquals(List.of(), config.allowedOrigins());
        assertTrue(config.acceptWithoutOrigin());
        assertEquals(Duration.ofHours(2), config.corsMaxAge());
        assertEquals(10_000, config.maxInFlight());
        assertEquals(64L * 1024 * 1024, config.maxInFlightBytes());
        assertEquals(16, config.asyncObserverThreads());
        assertEquals(List.of(), config.contentEncodings());
        assertEquals(Duration.ofSeconds(10), config.shutdownTimeout());
        assertEquals(Duration.ofSeconds(10), config.readTimeout());
        assertFalse(config.lenientBinding());
        assertFalse(config.refuseUnknownEndpoints());
        assertEquals(List.of(), config.endpoints());
        assertEquals(List.of(Duration.ZERO, 10_000, Long.MAX_VALUE, 1.0), List.of(config.reportRollupWindow(),
                config.reportMaxFingerprints(), config.reportDeliverFirst(), config.reportSampleRate()), "reports delivered as they come");
    }

    @Test
    void readsTheReportSettingsAndRefusesToCountPerWindowWithoutAWindow() {
        BeaconConfig config = BeaconConfig.from(Map.of(BeaconConfig.REPORT_ROLLUP_WINDOW, "60", BeaconConfig.REPORT_MAX_FINGERPRINTS, "500",
                BeaconConfig.REPORT_DELIVER_FIRST, "10", BeaconConfig.REPORT_SAMPLE_RATE, "0.1")::get);
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> BeaconConfig.from(Map.of(BeaconConfig.REPORT_DELIVER_FIRST, "10")::get));

        assertEquals(List.of(Duration.ofMinutes(1), 500, 10L, 0.1), List.of(config.reportRollupWindow(), config.reportMaxFingerprints(),
                config.reportDeliverFirst(), config.reportSampleRate()));
        assertEquals(Long.MAX_VALUE, BeaconConfig.from(Map.of(BeaconConfig.REPORT_DELIVER_FIRST, "All")::get).reportDeliverFirst());
        assertEquals(Map.of("deprecation", 0.01, "intervention", 0.0), BeaconConfig.from(Map.of(BeaconConfig.REPORT_SAMPLE_RATES,
                "deprecation:0.01, intervention : 0")::get).reportSampleRates());
        assertEquals(Map.of("clicks", 0.1), BeaconConfig.from(Map.of(BeaconConfig.BEACON_SAMPLE_RATES, "clicks:.1")::get).beaconSampleRates());
        assertEquals("The 'beacon.reports.deliver-first' setting counts each fingerprint's reports per window, and"
                + " 'beacon.reports.rollup-window' sets no window: set it too, e.g. 'beacon.reports.rollup-window=60' for one minute.",
                failure.getMessage());
    }

    @Test
    void theConsoleIsOffByDefaultAndNeverOpenToAnyone() {
        ConsoleSettings console = BeaconConfig.from(Map.of(BeaconConfig.CONSOLE_PATH, "/beacon-console",
                BeaconConfig.CONSOLE_ALLOWED_ADDRESSES, "127.0.0.1, ::1")::get).console();
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
                () -> BeaconConfig.from(Map.of(BeaconConfig.CONSOLE_PATH, "/beacon-console")::get));

        assertFalse(BeaconConfig.defaults().console().isOn());
        assertEquals(new ConsoleSettings("/beacon-console", "", List.of("127.0.0.1", "::1")), console);
        assertEquals("The 'beacon.console.path' setting serves the beacon console, which would then be open to anyone: set"
                + " 'beacon.console.role' to a role your application's login grants operators, or 'beacon.console.allowed-addresses' to"
                + " the addresses they use, e.g. '127.0.0.1, ::1', or both.", open.getMessage());
    }

    @Test
    void theConsoleStaysOutOfTheBeaconPathsAndTakesAPlainPath() {
        IllegalArgumentException under = assertThrows(IllegalArgumentException.class, () -> BeaconConfig.from(Map.of(
                BeaconConfig.CONSOLE_PATH, "/beacon/console", BeaconConfig.CONSOLE_ROLE, "operator")::get));
        IllegalArgumentException wildcard = assertThrows(IllegalArgumentException.class, () -> BeaconConfig.from(Map.of(
                BeaconConfig.CONSOLE_PATH, "/console/*", BeaconConfig.CONSOLE_ROLE, "operator")::get));

        assertEquals("The 'beacon.console.path' setting '/beacon/console' lies under the beacon path '/beacon', where requests are"
                + " beacons; choose a path beside it, e.g. '/beacon-console'.", under.getMessage());
        assertTrue(wildcard.getMessage().startsWith("The 'beacon.console.path' setting must be a path under the context root"), wildcard::getMessage);
        assertEquals("/beacons-console", BeaconConfig.from(Map.of(BeaconConfig.CONSOLE_PATH, "/beacons-console",
                BeaconConfig.CONSOLE_ROLE, "operator")::get).console().path(), "beside /beacon, not under it");
    }

    @Test
    void readsEverySetting() {
        BeaconConfig config = BeaconConfig.from(Map.ofEntries(
                Map.entry(BeaconConfig.ENABLED, "FALSE"),
                Map.entry(BeaconConfig.PATHS, " /rum , /csp-reports "),
                Map.entry(BeaconConfig.MEDIA_TYPES, "Text/Plain, none"),
                Map.entry(BeaconConfig.MAX_BODY_SIZE, "131072"),
                Map.entry(BeaconConfig.ALLOWED_ORIGINS, "https://*.example.com, http://localhost:8080"),
                Map.entry(BeaconConfig.ACCEPT_WITHOUT_ORIGIN, "false"),
                Map.entry(BeaconConfig.CORS_MAX_AGE, "0"),
                Map.entry(BeaconConfig.MAX_IN_FLIGHT, "50"),
                Map.entry(BeaconConfig.MAX_IN_FLIGHT_BYTES, "1048576"),
                Map.entry(BeaconConfig.ASYNC_OBSERVER_THREADS, "4"),
                Map.entry(BeaconConfig.CONTENT_ENCODINGS, "Deflate, gzip"),
                Map.entry(BeaconConfig.SHUTDOWN_TIMEOUT, "0"),
                Map.entry(BeaconConfig.READ_TIMEOUT, "30"),
                Map.entry(BeaconConfig.BINDING, "Lenient"),
                Map.entry(BeaconConfig.UNKNOWN_ENDPOINTS, "refuse"),
                Map.entry(BeaconConfig.ENDPOINTS, "vitals, sink.only"))::get);

        assertEquals(false, config.enabled());
        assertEquals(List.of("/rum", "/csp-reports"), config.paths());
        assertEquals(List.of("text/plain", "none"), config.mediaTypes());
        assertEquals(131_072, config.maxBodySize());
        assertEquals(List.of("https://*.example.com", "http://localhost:8080"), config.allowedOrigins());
        assertEquals(false, config.acceptWithoutOrigin());
        assertEquals(Duration.ZERO, config.corsMaxAge());
        assertEquals(50, config.maxInFlight());
        assertEquals(1_048_576, config.maxInFlightBytes());
        assertEquals(4, config.asyncObserverThreads());
        assertEquals(List.of("deflate", "gzip"), config.contentEncodings());
        assertEquals(Duration.ZERO, config.shutdownTimeout());
        assertEquals(Duration.ofSeconds(30), config.readTimeout());
        assertTrue(config.lenientBinding());
        assertTrue(config.refuseUnknownEndpoints());
        assertEquals(List.of("vitals", "sink.only"), config.endpoints());
    }

    @Test
    void invalidValueFailsNamingSettingValueAndExample() {
        Map<String, String> invalid = Map.ofEntries(
                Map.entry(BeaconConfig.MAX_IN_FLIGHT, "unbounded"),
                Map.entry(BeaconConfig.MAX_IN_FLIGHT_BYTES, "65536"),
                Map.entry(BeaconConfig.ASYNC_OBSERVER_THREADS, "0"),
                Map.entry(BeaconConfig.ENABLED, "yes"),
                Map.entry(BeaconConfig.PATHS, "beacon"),
                Map.entry(BeaconConfig.MEDIA_TYPES, "text/*"),
                Map.entry(BeaconConfig.MAX_BODY_SIZE, "0"),
                Map.entry(BeaconConfig.ALLOWED_ORIGINS, "example.com"),
                Map.entry(BeaconConfig.CORS_MAX_AGE, "-1"),
                Map.entry(BeaconConfig.CONTENT_ENCODINGS, "gzip, br"),
                Map.entry(BeaconConfig.SHUTDOWN_TIMEOUT, "forever"),
                Map.entry(BeaconConfig.READ_TIMEOUT, "0"),
                Map.entry(BeaconConfig.RATE_LIMIT, "NaN"),
                Map.entry(BeaconConfig.RATE_LIMIT_BURST, "0"),
                Map.entry(BeaconConfig.DUPLICATE_WINDOW, "3601"),
                Map.entry(BeaconConfig.DUPLICATE_ID_WINDOW, "86401"),
                Map.entry(BeaconConfig.BINDING, "loose"),
                Map.entry(BeaconConfig.UNKNOWN_ENDPOINTS, "404"),
                Map.entry(BeaconConfig.ENDPOINTS, "vitals, /csp"),
                Map.entry(BeaconConfig.REPORT_ROLLUP_WINDOW, "1m"),
                Map.entry(BeaconConfig.REPORT_MAX_FINGERPRINTS, "0"),
                Map.entry(BeaconConfig.REPORT_DELIVER_FIRST, "some"),
                Map.entry(BeaconConfig.REPORT_SAMPLE_RATE, "1.5"),
                Map.entry(BeaconConfig.REPORT_SAMPLE_RATES, "deprecation=0.1"),
                Map.entry(BeaconConfig.BEACON_SAMPLE_RATES, "clicks:2"));
        invalid.forEach((name, value) -> {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> BeaconConfig.from(Map.of(name, value)::get), name);
            assertTrue(failure.getMessage().startsWith("The '" + name + "' setting must be"), failure.getMessage());
            assertTrue(failure.getMessage().endsWith("got '" + value + "'."), failure.getMessage());
        });
    }

    @Test
    void inFlightBytesAtLeastTheLargestBodyOrDeploymentFailsSayingWhy() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> BeaconConfig.from(Map.of(
                BeaconConfig.MAX_BODY_SIZE, "4096", BeaconConfig.MAX_IN_FLIGHT_BYTES, "4095")::get));

        assertTrue(failure.getMessage().contains("between the largest body (beacon.max-body-size, 4096)"), failure.getMessage());
        assertEquals(4096, BeaconConfig.from(Map.of(BeaconConfig.MAX_BODY_SIZE, "4096", BeaconConfig.MAX_IN_FLIGHT_BYTES, "4096")::get)
                .maxInFlightBytes());
    }

    @Test
    void clientRulesAreOffByDefaultAndABurstIsTwiceTheRate() {
        BeaconConfig defaults = BeaconConfig.defaults();
        assertEquals(List.of(), defaults.trustedProxies());
        assertEquals(0, defaults.rateLimit());
        assertEquals(Duration.ZERO, defaults.duplicateWindow());
        assertEquals(Duration.ofMinutes(10), defaults.duplicateIdWindow(), "a client's id says a resend is one: on by default");

        BeaconConfig limited = BeaconConfig.from(Map.of(BeaconConfig.RATE_LIMIT, "2.5", BeaconConfig.TRUSTED_PROXIES, "10.0.0.0/8, ::1")::get);
        assertEquals(2.5, limited.rateLimit());
        assertEquals(5, limited.rateLimitBurst());
        assertEquals(List.of("10.0.0.0/8", "::1"), limited.trustedProxies());
    }

    @Test
    void aBodyLimitAboveTheDefaultBudgetRaisesTheBudgetWithIt() {
        assertEquals(128L * 1024 * 1024, BeaconConfig.from(Map.of(BeaconConfig.MAX_BODY_SIZE, "134217728")::get).maxInFlightBytes());
    }

    @Test
    void refusesAnEmptyPathListButAcceptsAnEmptyOriginList() {
        assertThrows(IllegalArgumentException.class, () -> BeaconConfig.from(Map.of(BeaconConfig.PATHS, " , ")::get));
        assertEquals(List.of(), BeaconConfig.from(Map.of(BeaconConfig.ALLOWED_ORIGINS, "")::get).allowedOrigins());
    }
}
