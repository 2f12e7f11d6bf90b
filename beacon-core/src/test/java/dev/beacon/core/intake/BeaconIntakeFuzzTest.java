package dev.beacon.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.beacon.Beacon;
import dev.beacon.core.admission.InFlightBudget;
import dev.beacon.core.delivery.BeaconDelivery;
import dev.beacon.core.exchange.Answer;
import dev.beacon.core.exchange.InMemoryRequest;
import dev.beacon.core.exchange.Refusals;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.testing.Compressed;
import dev.beacon.testing.LogRecords;
import dev.beacon.testing.TestContainer;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Whatever a client sends to a beacon path, the intake answers with one of its documented statuses
 * and a one-line reason, an accepted beacon is readable by its observers, and nothing the client
 * sent reaches the log unescaped.
 */
class BeaconIntakeFuzzTest {

    private static final String SERVER = "http://127.0.0.1:8080";
    private static final Set<Integer> DOCUMENTED = Set.of(204, 400, 403, 405, 413, 415);

    private static TestContainer container;
    private static BeaconIntake intake;
    private static Level intakeLogLevel;

    @BeforeAll
    static void startContainer() {
        container = TestContainer.start();
        BeanManager beanManager = container.bean(BeanManager.class);
        BeaconConfig config = BeaconConfig.from(Map.of(
                BeaconConfig.ALLOWED_ORIGINS, "https://allowed.example, https://*.allowed.example",
                BeaconConfig.MAX_BODY_SIZE, "2048",
                BeaconConfig.CONTENT_ENCODINGS, "gzip, deflate")::get);
        // Nothing is delivered here, so nothing gives its place back: every reservation must succeed.
        intake = new BeaconIntake(config, new BeaconDelivery(() -> beanManager, new InFlightBudget(Integer.MAX_VALUE, Long.MAX_VALUE), Duration.ZERO, false));
        Logger logger = Logger.getLogger(Refusals.class.getName());
        intakeLogLevel = logger.getLevel();
        logger.setLevel(Level.FINE); // the level that logs request text
    }

    @AfterAll
    static void stopContainer() {
        Logger.getLogger(Refusals.class.getName()).setLevel(intakeLogLevel);
        container.close();
    }

    @FuzzTest
    void answersAnyRequestWithADocumentedStatus(FuzzedDataProvider data) {
        InMemoryRequest request = FuzzedRequest.from(data);
        Answer answer;
        try (LogRecords log = LogRecords.of(Refusals.class)) {
            answer = intake.answer(request, "default");
            log.at(Level.FINE).forEach(line -> assertFalse(hasLineBreakOrControl(line), line));
        }

        assertTrue(DOCUMENTED.contains(answer.status()), () -> answer.status() + " for " + request);
        answer.reason().ifPresent(reason -> assertFalse(hasLineBreakOrControl(reason), reason));
        answer.headers().values().forEach(value -> assertFalse(hasLineBreakOrControl(value), value));
        if (answer.beacon().isPresent()) {
            assertEquals(204, answer.status());
            Beacon beacon = answer.beacon().get();
            beacon.text();
            beacon.json();
            beacon.form();
        }
    }

    private static boolean hasLineBreakOrControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029);
    }

    /** A request built from fuzzer input: mostly plausible headers, sometimes anything. */
    private static final class FuzzedRequest {

        private static final String[] METHODS = {"POST", "POST", "POST", "OPTIONS", "GET", "PUT"};
        private static final String[] ORIGINS = {SERVER, "https://allowed.example", "https://a.allowed.example", "https://evil.example", "null"};
        private static final String[] MEDIA_TYPES = {
            "text/plain;charset=UTF-8", "application/json", "application/reports+json", "application/csp-report",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=b", "application/octet-stream",
        };
        private static final String[] ENCODINGS = {"identity", "gzip", "deflate", "x-gzip", "br", "gzip, deflate"};

        private FuzzedRequest() {
        }

        static InMemoryRequest from(FuzzedDataProvider data) {
            String method = data.pickValue(METHODS);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            if (data.consumeBoolean()) {
                headers.add(Map.entry("Origin", data.consumeBoolean() ? data.pickValue(ORIGINS) : data.consumeString(40)));
            }
            int contentTypes = data.consumeInt(0, 2);
            for (int i = 0; i < contentTypes; i++) {
                headers.add(Map.entry("Content-Type", data.consumeBoolean() ? data.pickValue(MEDIA_TYPES) : data.consumeString(80)));
            }
            String encoding = null;
            if (data.consumeInt(0, 3) == 0) {
                encoding = data.consumeBoolean() ? data.pickValue(ENCODINGS) : data.consumeString(10);
                headers.add(Map.entry("Content-Encoding", encoding));
            }
            // Mostly a body truly in its coding, so that the fuzzer reaches what lies beyond decoding.
            boolean encode = data.consumeBoolean();
            if (data.consumeBoolean()) {
                headers.add(Map.entry("Sec-Fetch-Site", data.consumeString(12)));
            }
            int lengthKind = data.consumeInt(0, 3);
            byte[] body = data.consumeRemainingAsBytes();
            if (encode && "gzip".equals(encoding)) {
                body = Compressed.gzip(body);
            } else if (encode && "deflate".equals(encoding)) {
                body = Compressed.deflate(body);
            }
            switch (lengthKind) {
                case 0 -> headers.add(Map.entry("Content-Length", Integer.toString(body.length)));
                case 1 -> headers.add(Map.entry("Transfer-Encoding", "chunked"));
                case 2 -> headers.add(Map.entry("Content-Length", Long.toString(body.length * 3L - 7))); // lies either way
                default -> { } // no length at all
            }
            return new InMemoryRequest(method, "HTTP/1.1", SERVER, headers, body);
        }
    }
}
