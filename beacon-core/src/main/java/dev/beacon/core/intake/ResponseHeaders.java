package dev.beacon.core.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers an answer carries beyond the CORS ones, added without changing the map they are added to. */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    /** Never cached: a {@code GET} beacon's answer is not a page. */
    static Map<String, String> noStore(Map<String, String> headers) {
        return with(headers, "Cache-Control", "no-store");
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return more;
    }
}
