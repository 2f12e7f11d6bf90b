package dev.beacon.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.delivery.BeaconDelivery;
import dev.beacon.core.delivery.WithoutCdi;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.InMemoryRequest;
import dev.beacon.core.runtime.BeaconRuntime;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.testing.Compressed;
import dev.beacon.testing.LogRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class BeaconIntakeTest {

    @Test
    void refusesBeaconsWith503WhileNoCdiContainerIsReachableAndSaysSoOnce() {
        BeaconIntake intake = new BeaconIntake(BeaconConfig.defaults(), withoutCdiContainer());
        InMemoryRequest beacon = InMemoryRequest.post("http://127.0.0.1:8080",
                Map.of("Content-Type", "text/plain", "Content-Length", "1"), "x".getBytes(StandardCharsets.UTF_8));

        try (LogRecords log = LogRecords.of(BeaconDelivery.class)) {
            Answer first = intake.answer(beacon, "default");
            Answer second = intake.answer(beacon, "default");

            assertEquals(503, first.status());
            assertEquals(503, second.status());
            assertEquals("60", first.headers().get("Retry-After"));
            assertEquals(Optional.empty(), first.beacon());
            assertEquals(1, log.at(Level.SEVERE).size(), log::toString);
            assertTrue(log.at(Level.SEVERE).get(0).contains("no CDI container"), log::toString);
        }
    }

    /** As on Tomcat without Weld, where {@link BeaconRuntime} finds no CDI API: the same 503, and what to add. */
    @Test
    void refusesBeaconsWith503WhereTheApplicationHasNoCdiApiAndSaysWhatToAddOnce() {
        BeaconIntake intake = new BeaconIntake(BeaconConfig.defaults(), new WithoutCdi());
        InMemoryRequest beacon = InMemoryRequest.post("http://127.0.0.1:8080",
                Map.of("Content-Type", "text/plain", "Content-Length", "1"), "x".getBytes(StandardCharsets.UTF_8));
        InMemoryRequest xml = InMemoryRequest.post("http://127.0.0.1:8080",
                Map.of("Content-Type", "application/xml", "Content-Length", "4"), "<a/>".getBytes(StandardCharsets.UTF_8));

        try (LogRecords log = LogRecords.of(WithoutCdi.class)) {
            Answer first = intake.answer(beacon, "default");
            Answer second = intake.answer(beacon, "default");
            Answer refused = intake.answer(xml, "default");

            assertEquals(503, first.status());
            assertEquals(503, second.status());
            assertEquals("60", first.headers().get("Retry-After"));
            assertEquals(415, refused.status(), "the other rules still hold");
            assertEquals(1, log.at(Level.SEVERE).size(), log::toString);
            assertTrue(log.at(Level.SEVERE).get(0).contains("the CDI API is not on its class path"), log::toString);
        }
    }

    @Test
    void refusesAnEncodedBodyWith415AndAcceptEncodingUnlessDecodingIsConfigured() {
        BeaconIntake intake = new BeaconIntake(BeaconConfig.defaults(), withoutCdiContainer());
        byte[] gzip = Compressed.gzip("x".getBytes(StandardCharsets.UTF_8));
        InMemoryRequest beacon = InMemoryRequest.post("http://127.0.0.1:8080",
                Map.of("Content-Type", "text/plain", "Content-Length", Integer.toString(gzip.length), "Content-Encoding", "gzip"), gzip);

        Answer answer;
        try (LogRecords log = LogRecords.of(BeaconDelivery.class)) {
            answer = intake.answer(beacon, "default"); // refused before a container is needed, but counted
        }

        assertEquals(415, answer.status());
        assertEquals("identity", answer.headers().get("Accept-Encoding"));
        assertEquals(Optional.of("Content-Encoding not accepted"), answer.reason());
    }

    @Test
    void saysConnectionCloseOnARefusalThatLeavesTheBodyUnreadOnlyOverHttp1() {
        BeaconIntake intake = new BeaconIntake(BeaconConfig.defaults(), withoutCdiContainer());
        InMemoryRequest crossOrigin = InMemoryRequest.post("http://127.0.0.1:8080",
                Map.of("Content-Type", "text/plain", "Content-Length", "1", "Origin", "https://evil.example"), new byte[] {'x'});

        Answer overHttp1 = intake.answer(crossOrigin, "default");
        Answer overHttp2 = intake.answer(crossOrigin.over("HTTP/2.0"), "default");

        assertEquals(403, overHttp1.status());
        assertEquals("close", overHttp1.headers().get("Connection"), "the body was left unread: the connection is closed after it");
        assertEquals(403, overHttp2.status());
        assertTrue(overHttp2.headers().keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Connection")),
                () -> "HTTP/2 forbids connection-specific headers: " + overHttp2.headers());
    }

    private static BeaconDelivery withoutCdiContainer() {
        return new BeaconDelivery(() -> {
            throw new IllegalStateException("no CDI provider");
        }, new InFlightBudget(10, Long.MAX_VALUE), Duration.ZERO, false);
    }
}
