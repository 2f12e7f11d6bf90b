package dev.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any {@code Content-Type} a client can send parses or is refused as malformed, and what parses is
 * consistent: the intake answers 400 or 415 for the rest, never 500.
 */
class ContentTypeFuzzTest {

    @FuzzTest
    void parsesOrRefusesAnyHeaderValue(FuzzedDataProvider data) {
        String header = data.consumeRemainingAsString();
        ContentType contentType;
        try {
            contentType = ContentType.parse(header);
        } catch (MalformedBeaconException refused) {
            return;
        }
        assertFalse(contentType.type().isEmpty());
        assertFalse(contentType.subtype().isEmpty());
        assertTrue(contentType.is(contentType.essence()), contentType::essence);
        assertEquals(contentType.essence(), ContentType.parse(contentType.essence().toUpperCase(java.util.Locale.ROOT)).essence());
        assertEquals(header, contentType.toString());
        contentType.parameters().keySet().forEach(name -> assertTrue(contentType.parameter(name).isPresent(), name));
        try {
            contentType.charset();
        } catch (MalformedBeaconException unknownCharset) {
            // 415 at the intake
        }
    }
}
