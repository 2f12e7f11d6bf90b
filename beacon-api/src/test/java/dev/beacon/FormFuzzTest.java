package dev.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forms as browsers encode them come back field for field, and any other body is read or refused
 * as malformed, never another exception.
 */
class FormFuzzTest {

    private static final String BOUNDARY = "----WebKitFormBoundaryFuzz";

    @FuzzTest
    void readsWhatBrowsersEncodeAndRefusesOrReadsAnythingElse(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> urlEncodedRoundTrip(data);
            case 1 -> multipartRoundTrip(data);
            default -> anyBody(data);
        }
    }

    /** {@code URLSearchParams} encodes as {@code URLEncoder} does in UTF-8: space as '+', the rest percent-encoded. */
    private static void urlEncodedRoundTrip(FuzzedDataProvider data) {
        Map<String, List<String>> fields = fields(data);
        StringBuilder body = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(value -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        Beacon beacon = beacon("application/x-www-form-urlencoded;charset=UTF-8", body.toString().getBytes(StandardCharsets.US_ASCII));

        assertEquals(fields, beacon.form().orElseThrow().fields(), body::toString);
    }

    /**
     * {@code FormData} as the HTML standard encodes it: names quoted with {@code "}, CR and LF
     * percent-encoded and every other character, backslash included, as it is.
     */
    private static void multipartRoundTrip(FuzzedDataProvider data) {
        Map<String, List<String>> fields = fields(data);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            String escapedName = name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
            expected.computeIfAbsent(escapedName, key -> new ArrayList<>()).addAll(values);
            values.forEach(value -> body.writeBytes(("--" + BOUNDARY + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + escapedName + "\"\r\n\r\n"
                    + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        });
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Beacon beacon = beacon("multipart/form-data; boundary=" + BOUNDARY, body.toByteArray());

        assertEquals(expected, beacon.form().orElseThrow().fields(), () -> body.toString(StandardCharsets.UTF_8));
    }

    private static void anyBody(FuzzedDataProvider data) {
        String contentType = data.pickValue(new String[] {
            "application/x-www-form-urlencoded", "application/x-www-form-urlencoded;charset=ISO-8859-1", "multipart/form-data",
        });
        if (contentType.startsWith("multipart")) {
            contentType += "; boundary=\"" + data.consumeString(72).replace("\"", "") + "\"";
        }
        byte[] body = data.consumeRemainingAsBytes();
        BeaconForm form;
        try {
            form = beacon(contentType, body).form().orElseThrow();
        } catch (MalformedBeaconException refused) {
            return; // 400 at the intake, for the Content-Type or for the body
        }
        // Nothing read is invented: each character of a name or value, each byte of a file, stands for at least one byte of the body.
        long read = form.fields().entrySet().stream()
                .mapToLong(field -> field.getKey().length() + field.getValue().stream().mapToLong(String::length).sum()).sum()
                + form.files().stream().mapToLong(FilePart::size).sum();
        assertTrue(read <= body.length, () -> read + " characters and bytes read from a body of " + body.length + ": " + form.fields());
    }

    /** Fields whose values cannot hold the delimiter: a browser picks a boundary that no value contains. */
    private static Map<String, List<String>> fields(FuzzedDataProvider data) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int count = data.consumeInt(1, 5);
        for (int i = 0; i < count; i++) {
            String name = data.consumeString(30);
            String value = data.consumeString(60);
            if (value.contains(BOUNDARY) || name.isEmpty()) {
                continue;
            }
            fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static Beacon beacon(String contentType, byte[] body) {
        return Beacon.builder("default", "/beacon").contentType(ContentType.parse(contentType)).body(body).build();
    }
}
