package dev.beacon;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.List;
import java.util.Map;

/**
 * Binds a beacon's body to an application's class with the server's JSON-B implementation: a JSON body
 * as it is, a form's fields by name (one value as a string, several as an array of strings; JSON-B reads
 * a number or a boolean from a string), so that one class serves a page that sends JSON and one that
 * sends {@code URLSearchParams}.
 */
final class PayloadBinding {

    private PayloadBinding() {
    }

    /**
     * @param json a JSON text
     * @param type the class to bind it to
     * @return the bound instance
     * @throws MalformedBeaconException naming the type, and the field where JSON-B says which, when the
     *         text cannot be bound
     */
    static <T> T bind(String json, Class<T> type) {
        T bound;
        try {
            bound = Binder.JSONB.fromJson(json, type);
        } catch (JsonbException | IllegalArgumentException e) {
            throw new MalformedBeaconException("Body not bindable to " + type.getSimpleName() + ": " + oneLine(e.getMessage()), e);
        }
        if (bound == null) {
            throw new MalformedBeaconException("Body not bindable to " + type.getSimpleName() + ": it is JSON null");
        }
        return bound;
    }

    /**
     * @param type the class a body was to bind to
     * @param body what the body is, e.g. its media type
     * @return the refusal of a body that holds neither JSON nor form fields
     */
    static MalformedBeaconException notBindable(Class<?> type, String body) {
        return new MalformedBeaconException("Body not bindable to " + type.getSimpleName() + ": " + body + " that holds neither JSON nor form fields");
    }

    /**
     * @param form a form's fields
     * @param type the class to bind them to
     * @param lenient whether to bind as JSON-B alone does, rather than {@linkplain StrictBinding strictly}
     * @return the bound instance
     * @throws MalformedBeaconException naming the type and the field, when the fields cannot be bound
     */
    static <T> T bindFields(BeaconForm form, Class<T> type, boolean lenient) {
        JsonObject fields = fieldsAsJson(form);
        if (!lenient) {
            StrictBinding.check(fields, type);
        }
        return bind(fields.toString(), type);
    }

    /** A form's fields as a JSON object, one value as a string, several as an array of strings. */
    private static JsonObject fieldsAsJson(BeaconForm form) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (Map.Entry<String, List<String>> field : form.fields().entrySet()) {
            List<String> values = field.getValue();
            if (values.size() == 1) {
                object.add(field.getKey(), values.get(0));
            } else {
                JsonArrayBuilder array = Json.createArrayBuilder();
                values.forEach(array::add);
                object.add(field.getKey(), array);
            }
        }
        return object.build();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s+", " ");
    }

    /** Built once, on first use: a Jsonb caches what it learns of each class, and costs much to create. */
    private static final class Binder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}
