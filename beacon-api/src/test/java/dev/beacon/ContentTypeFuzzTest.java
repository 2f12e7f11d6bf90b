package dev.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import java.util.Optional;

/**
 * Any {@code Content-Type} a client can send parses or is refused as malformed, and what parses is
 * consistent: the intake answers 400 or 415 for the rest, never 500.
 */
class ContentTypeFuzzTest {

    private static final String TSPECIALS = "()<>@,;:\\\"/[]?={} \t";

    @FuzzTest
    void parsesOrRefusesAnyHeaderValue(FuzzedDataProvider data) {
        String header = data.consumeRemainingAsString();
        ContentType contentType;
        try {
            contentType = ContentType.parse(header);
        } catch (MalformedBeaconException refused) {
            return;
        }
        String essence = contentType.essence();
        assertTrue(isLowerCaseToken(contentType.type()), contentType::type);
        assertTrue(isLowerCaseToken(contentType.subtype()), contentType::subtype);
        assertEquals(contentType.type() + "/" + contentType.subtype(), essence);
        // The essence is what the header begins with, not something found further in.
        String stripped = header.strip();
        assertEquals(essence, stripped.substring(0, Math.min(essence.length(), stripped.length())).toLowerCase(Locale.ROOT), header);
        assertEquals(essence, ContentType.parse(essence.toUpperCase(Locale.ROOT)).essence());
        assertEquals(header, contentType.toString());
        contentType.parameters().forEach((name, value) -> {
            assertTrue(isLowerCaseToken(name), name);
            assertEquals(Optional.of(value), contentType.parameter(name.toUpperCase(Locale.ROOT)), name);
        });
        // Written back with every value quoted and escaped, it reads as the same media type.
        assertEquals(contentType, ContentType.parse(quoted(contentType)), () -> quoted(contentType));
        try {
            contentType.charset();
        } catch (MalformedBeaconException unknownCharset) {
            // 415 at the intake
        }
    }

    private static String quoted(ContentType contentType) {
        StringBuilder header = new StringBuilder(contentType.essence());
        contentType.parameters().forEach((name, value) -> header.append("; ").append(name).append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return header.toString();
    }

    private static boolean isLowerCaseToken(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c > 32 && c < 127 && TSPECIALS.indexOf(c) < 0 && !Character.isUpperCase(c));
    }
}
