package dev.beacon;

import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a beacon body as JSON with the server's JSON-P implementation.
 */
final class JsonBody {

    private JsonBody() {
    }

    static JsonValue parse(String text) {
        try (JsonReader reader = Readers.FACTORY.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            // Not only JsonException: Parsson refuses an exponent beyond an int (1e9999999999) with a
            // NumberFormatException, a number of over 1,100 characters with an UnsupportedOperationException,
            // and 1,000 levels of nesting with a bare RuntimeException.
            throw new MalformedBeaconException("Body is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * A text that looks like a JSON object or array is parsed; anything else, or a parse failure,
     * means the text was just text.
     */
    static Optional<JsonValue> sniff(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return Optional.of(parse(trimmed));
            } catch (MalformedBeaconException notJson) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Looks the provider up once, on first use: a service lookup per beacon would cost more than the parse. */
    private static final class Readers {
        static final JsonReaderFactory FACTORY = JsonProvider.provider().createReaderFactory(Map.of());
    }
}
