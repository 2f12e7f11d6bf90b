package dev.beacon.bench;

/**
 * A {@code multipart/form-data} body byte for byte as Chromium writes a {@code FormData} that
 * {@code navigator.sendBeacon(url, formData)} sends: CRLF line ends, a {@code WebKitFormBoundary},
 * a {@code Content-Type} only on file parts.
 */
final class ChromiumFormData {

    static final String BOUNDARY = "----WebKitFormBoundaryu7bKdG2WpQe3jH9N";
    static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private final StringBuilder body = new StringBuilder();

    /** {@code formData.append(name, value)}. */
    ChromiumFormData field(String name, String value) {
        body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n");
        return this;
    }

    /** {@code formData.append(name, new Blob([content], {type}))}: Chromium names such a file {@code blob}. */
    ChromiumFormData blob(String name, String type, String content) {
        body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"; filename=\"blob\"\r\n")
                .append("Content-Type: ").append(type).append("\r\n\r\n")
                .append(content).append("\r\n");
        return this;
    }

    /** @return the body, closed by the final delimiter */
    String body() {
        return body + "--" + BOUNDARY + "--\r\n";
    }
}
