package dev.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(65_536, config.maxBodySize());
        assertEquals(List.of(), config.allowedOrigins());
        assertTrue(config.acceptWithoutOrigin());
        assertEquals(Duration.ofHours(2), config.corsMaxAge());
        assertEquals(10_000, config.maxInFlight());
        assertEquals(List.of(), config.contentEncodings());
        assertEquals(Duration.ofSeconds(10), config.shutdownTimeout());
        assertEquals(Duration.ofSeconds(10), config.readTimeout());
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
                Map.entry(BeaconConfig.CONTENT_ENCODINGS, "Deflate, gzip"),
                Map.entry(BeaconConfig.SHUTDOWN_TIMEOUT, "0"),
                Map.entry(BeaconConfig.READ_TIMEOUT, "30"))::get);

        assertEquals(false, config.enabled());
        assertEquals(List.of("/rum", "/csp-reports"), config.paths());
        assertEquals(List.of("text/plain", "none"), config.mediaTypes());
        assertEquals(131_072, config.maxBodySize());
        assertEquals(List.of("https://*.example.com", "http://localhost:8080"), config.allowedOrigins());
        assertEquals(false, config.acceptWithoutOrigin());
        assertEquals(Duration.ZERO, config.corsMaxAge());
        assertEquals(50, config.maxInFlight());
        assertEquals(List.of("deflate", "gzip"), config.contentEncodings());
        assertEquals(Duration.ZERO, config.shutdownTimeout());
        assertEquals(Duration.ofSeconds(30), config.readTimeout());
    }

    @Test
    void invalidValueFailsNamingSettingValueAndExample() {
        Map<String, String> invalid = Map.of(
                BeaconConfig.MAX_IN_FLIGHT, "unbounded",
                BeaconConfig.ENABLED, "yes",
                BeaconConfig.PATHS, "beacon",
                BeaconConfig.MEDIA_TYPES, "text/*",
                BeaconConfig.MAX_BODY_SIZE, "0",
                BeaconConfig.ALLOWED_ORIGINS, "example.com",
                BeaconConfig.CORS_MAX_AGE, "-1",
                BeaconConfig.CONTENT_ENCODINGS, "gzip, br",
                BeaconConfig.SHUTDOWN_TIMEOUT, "forever",
                BeaconConfig.READ_TIMEOUT, "0");
        invalid.forEach((name, value) -> {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> BeaconConfig.from(Map.of(name, value)::get), name);
            assertTrue(failure.getMessage().startsWith("The '" + name + "' setting must be"), failure.getMessage());
            assertTrue(failure.getMessage().endsWith("got '" + value + "'."), failure.getMessage());
        });
    }

    @Test
    void refusesAnEmptyPathListButAcceptsAnEmptyOriginList() {
        assertThrows(IllegalArgumentException.class, () -> BeaconConfig.from(Map.of(BeaconConfig.PATHS, " , ")::get));
        assertEquals(List.of(), BeaconConfig.from(Map.of(BeaconConfig.ALLOWED_ORIGINS, "")::get).allowedOrigins());
    }
}
