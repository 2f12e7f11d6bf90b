package dev.beacon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a form beacon: {@code application/x-www-form-urlencoded} (from a
 * {@code URLSearchParams}) or {@code multipart/form-data} (from a {@code FormData}, whose files are
 * in {@link #files()}).
 * <pre>{@code
 * beacon.form().ifPresent(form -> {
 *     String event = form.first("event").orElse("unknown");
 *     form.files().forEach(file -> store(file.filename(), file.bytes()));
 * });
 * }</pre>
 */
public final class BeaconForm {

    private final Map<String, List<String>> fields;
    private final List<FilePart> files;

    BeaconForm(Map<String, List<String>> fields, List<FilePart> files) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.fields = Collections.unmodifiableMap(copy);
        this.files = List.copyOf(files);
    }

    /**
     * @return every text field, by name, values in the order sent; unmodifiable
     */
    public Map<String, List<String>> fields() {
        return fields;
    }

    /**
     * @param name a field name
     * @return the field's values in the order sent, empty when the field is absent
     */
    public List<String> values(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /**
     * @param name a field name
     * @return the field's first value, if present
     */
    public Optional<String> first(String name) {
        return values(name).stream().findFirst();
    }

    /**
     * @return the file parts, in the order sent; empty for a urlencoded form
     */
    public List<FilePart> files() {
        return files;
    }

    @Override
    public String toString() {
        return "BeaconForm[fields=" + fields.keySet() + ", files=" + files + "]";
    }
}
