package dev.beacon.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.Beacon;
import dev.beacon.BeaconStatistics;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.delivery.BeaconDelivery;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.InMemoryRequest;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.testing.Polling;
import dev.beacon.testing.TestContainer;
import jakarta.enterprise.inject.spi.BeanManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules about clients, as the intake applies them for the filter and the resource alike: the client's
 * address behind trusted proxies, the per-client rate limit, and duplicates within the window.
 */
class ClientRulesTest {

    private TestContainer container;

    @BeforeEach
    void start() {
        container = TestContainer.start();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    @Test
    void theBeaconCarriesTheAddressTheTrustedProxyForwardedAndItsHeadersAsSent() {
        BeaconIntake intake = intake(Map.of(BeaconConfig.TRUSTED_PROXIES, "127.0.0.0/8"));

        Answer answer = intake.answer(post("hidden", "X-Forwarded-For", "6.6.6.6, 198.51.100.20"), "default");

        Beacon beacon = answer.beacon().orElseThrow();
        assertEquals(Optional.of("198.51.100.20"), beacon.clientAddress());
        assertEquals(Optional.of("6.6.6.6, 198.51.100.20"), beacon.xForwardedFor());
        answer.deliver();
    }

    @Test
    void anAnonymisedAddressIsCutBeforeTheBeaconIsMadeAndItsForwardingHeadersLeftOut() {
        BeaconIntake intake = intake(Map.of(BeaconConfig.TRUSTED_PROXIES, "127.0.0.0/8", BeaconConfig.ANONYMIZE_CLIENT_ADDRESS, "true"));

        Answer answer = intake.answer(post("hidden", "X-Forwarded-For", "6.6.6.6, 198.51.100.20", "Forwarded", "for=198.51.100.20"), "default");

        Beacon beacon = answer.beacon().orElseThrow();
        assertEquals(Optional.of("198.51.100.0"), beacon.clientAddress());
        assertEquals(Optional.empty(), beacon.xForwardedFor(), "it carries the whole address");
        assertEquals(Optional.empty(), beacon.forwarded(), "it carries the whole address");
        answer.deliver();
    }

    /** Anonymised addresses are shown, not used: clients of one /24 are still limited one by one. */
    @Test
    void theRateLimitStillTellsClientsApartByTheirWholeAddressWhenAddressesAreAnonymised() {
        BeaconIntake intake = intake(Map.of(BeaconConfig.TRUSTED_PROXIES, "127.0.0.1", BeaconConfig.RATE_LIMIT, "0.01",
                BeaconConfig.RATE_LIMIT_BURST, "1", BeaconConfig.ANONYMIZE_CLIENT_ADDRESS, "true"));

        Answer first = intake.answer(post("a", "X-Forwarded-For", "198.51.100.1"), "default");
        Answer neighbour = intake.answer(post("b", "X-Forwarded-For", "198.51.100.2"), "default");
        Answer again = intake.answer(post("c", "X-Forwarded-For", "198.51.100.1"), "default");

        assertEquals(204, first.status());
        assertEquals(204, neighbour.status(), "another client of the same /24");
        assertEquals(429, again.status());
        assertEquals(first.beacon().orElseThrow().clientAddress(), neighbour.beacon().orElseThrow().clientAddress());
        first.deliver();
        neighbour.deliver();
    }

    @Test
    void pastItsBurstAClientGets429WithRetryAfterAndNothingIsDelivered() {
        BeaconIntake intake = intake(Map.of(BeaconConfig.TRUSTED_PROXIES, "127.0.0.1", BeaconConfig.RATE_LIMIT, "0.01",
                BeaconConfig.RATE_LIMIT_BURST, "2"));

        for (int i = 0; i < 2; i++) {
            Answer accepted = intake.answer(post("b" + i, "X-Forwarded-For", "198.51.100.1"), "default");
            assertEquals(204, accepted.status());
            accepted.deliver();
        }
        Answer refused = intake.answer(post("b2", "X-Forwarded-For", "198.51.100.1"), "default");
        Answer otherClient = intake.answer(post("b3", "X-Forwarded-For", "198.51.100.2"), "default");

        assertEquals(429, refused.status());
        assertEquals("100", refused.headers().get("Retry-After"), "one beacon per 100 s");
        assertEquals(Optional.empty(), refused.beacon());
        assertEquals(204, otherClient.status(), "each client has its own share");
        otherClient.deliver();
        assertEquals(1L, statistics().rejectedByStatus().get(429));
    }

    @Test
    void aDuplicateWithinTheWindowIsAnswered204CountedAndNotDelivered() {
        BeaconIntake intake = intake(Map.of(BeaconConfig.DUPLICATE_WINDOW, "60"));

        Answer first = intake.answer(post("{\"page\":\"p1\",\"seq\":1}"), "default");
        first.deliver();
        Answer again = intake.answer(post("{\"page\":\"p1\",\"seq\":1}"), "default");
        Answer next = intake.answer(post("{\"page\":\"p1\",\"seq\":2}"), "default");
        next.deliver();

        assertEquals(204, again.status());
        assertEquals(Optional.empty(), again.beacon(), "not delivered again");
        assertEquals(1, statistics().duplicates());
        assertEquals(2, statistics().accepted());
        assertTrue(next.beacon().isPresent());
    }

    /** beacon.js sends an unanswered batch again, perhaps from another network: its id, not its address, says it is the same. */
    @Test
    void aBeaconSentAgainWithItsIdIsAnswered204AndNotDeliveredTwiceWhateverItsAddress() {
        BeaconIntake intake = intake(Map.of(BeaconConfig.TRUSTED_PROXIES, "127.0.0.1"));

        Answer first = intake.answer(post("{\"events\":[1]}", "X-Forwarded-For", "198.51.100.1").withQuery("beacon-id=lp3k9x2a.1"), "default");
        first.deliver();
        Answer resent = intake.answer(post("{\"events\":[1]}", "X-Forwarded-For", "203.0.113.9").withQuery("beacon-id=lp3k9x2a.1"), "default");
        Answer sameBytesOtherId = intake.answer(post("{\"events\":[1]}", "X-Forwarded-For", "198.51.100.1").withQuery("beacon-id=lp3k9x2a.2"),
                "default");
        sameBytesOtherId.deliver();
        Answer sameIdOtherEndpoint = intake.answer(post("{\"events\":[1]}").withQuery("beacon-id=lp3k9x2a.1"), "errors");
        sameIdOtherEndpoint.deliver();

        assertEquals(Optional.of("lp3k9x2a.1"), first.beacon().flatMap(Beacon::id));
        assertEquals(204, resent.status());
        assertEquals(Optional.empty(), resent.beacon(), "not delivered again");
        assertEquals(Optional.of("lp3k9x2a.2"), sameBytesOtherId.beacon().flatMap(Beacon::id), "another id is another beacon");
        assertTrue(sameIdOtherEndpoint.beacon().isPresent(), "ids are the client's, per endpoint");
        assertEquals(1, statistics().duplicates());
        assertEquals(3, statistics().accepted());
    }

    @Test
    void idsAreRecognisedOnlyWithinTheirWindowWhichZeroTurnsOff() {
        BeaconIntake intake = intake(Map.of(BeaconConfig.DUPLICATE_ID_WINDOW, "0"));

        Answer first = intake.answer(post("a").withQuery("beacon-id=p.1"), "default");
        first.deliver();
        Answer again = intake.answer(post("a").withQuery("beacon-id=p.1"), "default");
        again.deliver();

        assertTrue(again.beacon().isPresent(), "no window: delivered again");
        assertEquals(0, statistics().duplicates());
    }

    @Test
    void anIdTheLibraryCannotKeepAsItIsIsRefused400AndOneAmongOtherParametersIsFound() {
        BeaconIntake intake = intake(Map.of());

        Answer withSpace = intake.answer(post("a").withQuery("beacon-id=a%20b"), "default");
        Answer tooLong = intake.answer(post("a").withQuery("beacon-id=" + "x".repeat(BeaconIds.LONGEST + 1)), "default");
        Answer empty = intake.answer(post("a").withQuery("beacon-id="), "default");
        Answer twice = intake.answer(post("a").withQuery("beacon-id=p.1&beacon-id=p.2"), "default");
        Answer amongOthers = intake.answer(post("a").withQuery("v=2&x-beacon-id=no&beacon-id=p.9&utm=x"), "default");
        amongOthers.deliver();

        assertEquals(List.of(400, 400, 400, 400), List.of(withSpace.status(), tooLong.status(), empty.status(), twice.status()));
        assertEquals(Optional.of("p.9"), amongOthers.beacon().flatMap(Beacon::id));
    }

    @Test
    void aBeaconRefusedForWantOfRoomIsNoDuplicateWhenItComesBack() throws Exception {
        BeaconConfig config = BeaconConfig.from(Map.of(BeaconConfig.DUPLICATE_WINDOW, "60")::get);
        BeanManager beanManager = container.bean(BeanManager.class);
        BeaconDelivery delivery = new BeaconDelivery(() -> beanManager, new InFlightBudget(1, Long.MAX_VALUE), Duration.ZERO, false);
        BeaconIntake intake = new BeaconIntake(config, delivery);

        Answer holding = intake.answer(post("first"), "default"); // holds the only place until delivered
        Answer refused = intake.answer(post("retried"), "default");
        holding.deliver();
        // The test's asynchronous observer gives the place back on the container's thread.
        Polling.until("the place given back", delivery::inFlight, inFlight -> inFlight == 0, Duration.ofSeconds(10));
        Answer retry = intake.answer(post("retried"), "default");

        assertEquals(503, refused.status());
        assertEquals(204, retry.status());
        assertTrue(retry.beacon().isPresent(), "delivered: the first attempt was never accepted");
        retry.deliver();
    }

    private BeaconIntake intake(Map<String, String> settings) {
        BeanManager beanManager = container.bean(BeanManager.class);
        return new BeaconIntake(BeaconConfig.from(settings::get),
                new BeaconDelivery(() -> beanManager, new InFlightBudget(100, Long.MAX_VALUE), Duration.ZERO, false));
    }

    private BeaconStatistics statistics() {
        return container.bean(BeaconStatistics.class);
    }

    private static InMemoryRequest post(String text, String... headers) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        Map<String, String> sent = new java.util.LinkedHashMap<>(Map.of("Content-Type", "text/plain;charset=UTF-8",
                "Content-Length", Integer.toString(body.length)));
        for (int i = 0; i < headers.length; i += 2) {
            sent.put(headers[i], headers[i + 1]);
        }
        return InMemoryRequest.post("http://127.0.0.1:8080", sent, body);
    }
}
