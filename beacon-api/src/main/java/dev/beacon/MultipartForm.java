package dev.beacon;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a {@code multipart/form-data} body (RFC 7578) held in memory, as browsers write it: they
 * quote names and file names and percent-encode {@code "}, CR and LF in them, which we keep as sent.
 */
final class MultipartForm {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
    private static final byte[] CLOSE = {'-', '-'};

    private final byte[] body;
    private final byte[] delimiter;
    /** Horspool's table: how far the delimiter may move on when the body's byte under its last one is the index. */
    private final byte[] shift = new byte[256];
    private final Charset charset;

    private MultipartForm(byte[] body, String boundary, Charset charset) {
        this.body = body;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.charset = charset;
        int last = delimiter.length - 1; // at most 73: every shift fits in a byte
        Arrays.fill(shift, (byte) delimiter.length);
        for (int i = 0; i < last; i++) {
            shift[delimiter[i] & 0xFF] = (byte) (last - i);
        }
    }

    static BeaconForm parse(byte[] body, String boundary, Charset charset) {
        if (boundary.isEmpty() || boundary.length() > 70) {
            throw new MalformedBeaconException("multipart/form-data boundary must be 1 to 70 characters");
        }
        return new MultipartForm(body, boundary, charset).parse();
    }

    private BeaconForm parse() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<FilePart> files = new ArrayList<>();
        // The first delimiter may open the body without the CRLF that precedes every other one.
        int position = startsWith(body, 0, delimiter, 2) ? -2 : nextDelimiter(0);
        if (position == -1) {
            throw new MalformedBeaconException("multipart/form-data body has no boundary delimiter");
        }
        while (true) {
            int afterDelimiter = position + delimiter.length;
            if (startsWith(body, afterDelimiter, CLOSE, 0)) {
                return new BeaconForm(fields, files);
            }
            int headersStart = indexOf(body, CRLF, afterDelimiter);
            if (headersStart == -1) {
                throw truncated();
            }
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            boolean noHeaders = startsWith(body, headersStart, HEADER_END, 0);
            if (headersEnd == -1) {
                throw truncated();
            }
            PartHeaders headers = noHeaders ? PartHeaders.NONE : headers(headersStart + 2, headersEnd);
            int contentStart = headersEnd + HEADER_END.length;
            int next = nextDelimiter(contentStart);
            if (next == -1) {
                throw truncated();
            }
            addPart(headers, contentStart, next, fields, files);
            position = next;
        }
    }

    /** What a part's headers say that the form needs; {@code null} for a header the part does not have. */
    private record PartHeaders(String disposition, String contentType) {
        static final PartHeaders NONE = new PartHeaders(null, null);
    }

    /**
     * Reads the header lines between two offsets for the two headers a form part may have, as bytes: names are
     * ASCII, and only the values kept are decoded. Where a header comes twice, the last one counts.
     */
    private PartHeaders headers(int from, int to) {
        String disposition = null;
        String contentType = null;
        for (int start = from, end; start <= to; start = end + CRLF.length) {
            end = indexOf(body, CRLF, start); // the last line ends at the CRLF that closes the headers
            int colon = start;
            while (colon < end && body[colon] != ':') {
                colon++;
            }
            if (colon == start || colon == end) {
                throw new MalformedBeaconException("multipart/form-data part has a malformed header line");
            }
            int nameStart = start;
            int nameEnd = colon;
            while (nameStart < nameEnd && isWhiteSpace(body[nameStart])) {
                nameStart++;
            }
            while (nameEnd > nameStart && isWhiteSpace(body[nameEnd - 1])) {
                nameEnd--;
            }
            if (isName(nameStart, nameEnd, "content-disposition")) {
                disposition = value(colon + 1, end);
            } else if (isName(nameStart, nameEnd, "content-type")) {
                contentType = value(colon + 1, end);
            }
        }
        return new PartHeaders(disposition, contentType);
    }

    /** Whether the bytes between two offsets are the name, in any case. */
    private boolean isName(int from, int to, String lowerCaseName) {
        if (to - from != lowerCaseName.length()) {
            return false;
        }
        for (int i = 0; i < lowerCaseName.length(); i++) {
            byte b = body[from + i];
            if ((b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b) != lowerCaseName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhiteSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private String value(int from, int to) {
        return new String(body, from, to - from, StandardCharsets.UTF_8).strip();
    }

    private void addPart(PartHeaders headers, int contentStart, int contentEnd,
                         Map<String, List<String>> fields, List<FilePart> files) {
        String disposition = headers.disposition();
        if (disposition == null || !disposition.regionMatches(true, 0, "form-data", 0, "form-data".length())) {
            throw new MalformedBeaconException("multipart/form-data part lacks 'Content-Disposition: form-data'");
        }
        Map<String, String> parameters = HeaderParameters.parse(disposition, "form-data".length(), HeaderParameters.Quoting.HTML_FORM_DATA);
        String name = parameters.get("name");
        if (name == null) {
            throw new MalformedBeaconException("multipart/form-data part has no name");
        }
        String filename = parameters.get("filename");
        if (filename == null) {
            fields.computeIfAbsent(name, key -> new ArrayList<>()).add(new String(body, contentStart, contentEnd - contentStart, charset));
        } else {
            String type = headers.contentType();
            // A view into the body, which no one changes: the beacon's own array, handed out only as copies.
            files.add(new FilePart(name, filename, type == null ? null : ContentType.parse(type), body, contentStart, contentEnd - contentStart));
        }
    }

    private static MalformedBeaconException truncated() {
        return new MalformedBeaconException("multipart/form-data body is truncated: a part is not closed by its boundary");
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix, int prefixFrom) {
        int length = prefix.length - prefixFrom;
        if (offset < 0 || offset + length > data.length) {
            return false;
        }
        return Arrays.equals(data, offset, offset + length, prefix, prefixFrom, prefix.length);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        byte first = pattern[0];
        for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
            if (data[i] == first && startsWith(data, i, pattern, 0)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Horspool's search: a part's content is skipped up to a delimiter's length at a time, where a
     * byte-by-byte scan was a fifth of the filter's time on an 8 KiB form (see {@code BENCHMARKS.md}).
     */
    private int nextDelimiter(int from) {
        int last = delimiter.length - 1;
        for (int i = Math.max(from, 0); i <= body.length - delimiter.length; i += shift[body[i + last] & 0xFF]) {
            if (body[i + last] == delimiter[last] && startsWith(body, i, delimiter, 0)) {
                return i;
            }
        }
        return -1;
    }
}
