package dev.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Any body of the JSON family, or text that may hold JSON, parses or is refused as malformed: never
 * another exception, never a stack overflow on deep nesting.
 */
class JsonFuzzTest {

    private static final String[] MEDIA_TYPES = {
        "application/json", "application/reports+json", "application/csp-report", "text/plain;charset=UTF-8", null,
    };

    @FuzzTest
    void parsesOrRefusesAnyBody(FuzzedDataProvider data) {
        String mediaType = data.pickValue(MEDIA_TYPES);
        Beacon beacon = Beacon.builder("default", "/beacon")
                .contentType(mediaType == null ? null : ContentType.parse(mediaType))
                .body(data.consumeRemainingAsBytes())
                .build();
        Optional<JsonValue> json;
        try {
            json = beacon.json();
        } catch (MalformedBeaconException refused) {
            // 400 at the intake; but text that is not JSON is just text
            assertFalse(mediaType == null || mediaType.startsWith("text/plain"), refused::getMessage);
            return;
        }
        if (json.isEmpty()) {
            return;
        }
        if (mediaType == null || mediaType.startsWith("text/plain")) {
            // Text is read as JSON only when it looks like an object or an array.
            String text = beacon.text().strip();
            assertTrue(text.startsWith("{") || text.startsWith("["), text);
        }
        // What was read is what was sent: written out and read again, it is the same value.
        assertEquals(json.get(), JsonBody.parse(json.get().toString()), json.get()::toString);
    }
}
