package dev.beacon.core.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.beacon.ContentType;
import dev.beacon.MalformedBeaconException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentContentTypesTest {

    private final RecentContentTypes recent = new RecentContentTypes();

    @Test
    void givesAHeaderSentAgainTheMediaTypeParsedTheFirstTime() {
        ContentType first = recent.parse("text/plain;charset=UTF-8");

        assertSame(first, recent.parse("text/plain;charset=UTF-8"));
        assertEquals("text/plain", first.essence());
    }

    @Test
    void tellsHeadersApartThatDifferOnlyInCaseOrParameters() {
        ContentType lower = recent.parse("text/plain;charset=UTF-8");
        ContentType upper = recent.parse("TEXT/PLAIN;charset=UTF-8");
        ContentType other = recent.parse("text/plain;charset=ISO-8859-1");

        assertNotSame(lower, upper);
        assertEquals("TEXT/PLAIN;charset=UTF-8", upper.toString());
        assertEquals("ISO-8859-1", other.parameter("charset").orElseThrow());
        assertEquals("UTF-8", recent.parse("text/plain;charset=UTF-8").parameter("charset").orElseThrow());
    }

    @Test
    void parsesEveryHeaderRightHoweverManyShareASlot() {
        // Far more distinct headers than slots, as a client inventing boundaries sends: each still gets its own media type.
        Map<String, ContentType> parsed = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            String header = "multipart/form-data; boundary=----WebKitFormBoundary" + i;
            parsed.put(header, recent.parse(header));
        }
        parsed.forEach((header, contentType) -> {
            assertEquals(header, recent.parse(header).toString());
            assertEquals(contentType.parameter("boundary"), recent.parse(header).parameter("boundary"));
        });
    }

    @Test
    void refusesAMalformedHeaderEveryTimeItIsSent() {
        assertThrows(MalformedBeaconException.class, () -> recent.parse("text"));
        assertThrows(MalformedBeaconException.class, () -> recent.parse("text"));
    }
}
