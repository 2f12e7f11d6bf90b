package dev.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentTypeTest {

    @Test
    void parsesWhatChromiumSends() {
        ContentType type = ContentType.parse("multipart/form-data; boundary=----WebKitFormBoundaryAbC");

        assertEquals("multipart/form-data", type.essence());
        assertEquals(Optional.of("----WebKitFormBoundaryAbC"), type.parameter("Boundary"));
        assertEquals("multipart/form-data; boundary=----WebKitFormBoundaryAbC", type.toString());
    }

    @Test
    void lowerCasesTypeAndParameterNamesButKeepsValues() {
        ContentType type = ContentType.parse("Text/Plain;CHARSET=\"UTF-8\";x=Yes");

        assertEquals("text", type.type());
        assertEquals("plain", type.subtype());
        assertEquals(Map.of("charset", "UTF-8", "x", "Yes"), type.parameters());
        assertEquals(Optional.of(StandardCharsets.UTF_8), type.charset());
        assertTrue(type.is("TEXT/PLAIN"));
    }

    @Test
    void readsQuotedValuesWithEscapesAndToleratesATrailingSemicolon() {
        assertEquals(Optional.of("a\"b;c"), ContentType.parse("text/plain; name=\"a\\\"b;c\";").parameter("name"));
    }

    @Test
    void rejectsWhatIsNotTypeSlashSubtype() {
        for (String malformed : new String[] {"", "text", "text/", "/plain", "text/plain; charset", "text/plain junk", "text/plain; a=\"open"}) {
            assertThrows(MalformedBeaconException.class, () -> ContentType.parse(malformed), malformed);
        }
    }

    @Test
    void unknownCharsetIsAnErrorOfTheAccessor() {
        ContentType type = ContentType.parse("text/plain; charset=klingon-8");

        MalformedBeaconException failure = assertThrows(MalformedBeaconException.class, type::charset);
        assertEquals("Unknown charset in Content-Type", failure.getMessage());
    }
}
