package dev.beacon;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses an {@code application/x-www-form-urlencoded} body as the WHATWG URL standard does, except
 * that invalid percent-encoding is an error rather than kept literally: a beacon body is never
 * typed by hand, so a bad escape means a broken sender.
 */
final class UrlEncodedForm {

    private UrlEncodedForm() {
    }

    static BeaconForm parse(byte[] body, Charset charset) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.ISO_8859_1); // bytes 1:1; decoded per field below
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
            fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return new BeaconForm(fields, List.of());
    }

    private static String decode(String encoded, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new MalformedBeaconException("Truncated percent-encoding in a urlencoded form");
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new MalformedBeaconException("Invalid percent-encoding in a urlencoded form");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return new String(bytes.toByteArray(), charset);
    }
}
