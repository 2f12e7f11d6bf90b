package dev.beacon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.testing.ChromiumBodies;
import dev.beacon.testing.ChromiumBodies.BrowserBody;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lazy views of a beacon body, and the errors they raise for malformed bodies.
 */
class BeaconBodyTest {

    /** The builder takes the array it is given (the library hands over a body it never touches again); observers get copies. */
    @Test
    void observersGetCopiesOfTheBodyThatCannotChangeIt() {
        Beacon beacon = Beacon.builder("default", "/beacon").body(new byte[] {1, 2, 3}).build();
        beacon.body()[1] = 9;

        assertArrayEquals(new byte[] {1, 2, 3}, beacon.body());
    }

    @Test
    void decodesTextInTheDeclaredCharset() {
        Beacon beacon = beacon(new BrowserBody("text/plain; charset=ISO-8859-1", new byte[] {(byte) 0xE9}));

        assertEquals("é", beacon.text());
    }

    @Test
    void textWithoutJsonHasNoJsonAndOtherTypesNeither() {
        assertEquals(Optional.empty(), beacon(ChromiumBodies.string("{not json")).json());
        assertEquals(Optional.empty(), beacon(new BrowserBody("application/octet-stream", "{}".getBytes(StandardCharsets.UTF_8))).json());
        assertTrue(beacon(ChromiumBodies.untypedBlob("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).json().isPresent());
    }

    @Test
    void jsonMediaTypeThatDoesNotParseIsAnError() {
        for (String type : List.of("application/json", "application/reports+json", "application/csp-report")) {
            Beacon beacon = beacon(new BrowserBody(type, "{\"a\":".getBytes(StandardCharsets.UTF_8)));
            assertThrows(MalformedBeaconException.class, beacon::json, type);
        }
    }

    /** Found by {@code JsonFuzzTest}: the JSON parser throws NumberFormatException, not JsonException, for it. */
    @Test
    void jsonNumberWithAnExponentBeyondAnIntIsMalformedAndTextThatHoldsOneIsJustText() {
        String json = "[1e9999999999]";

        assertThrows(MalformedBeaconException.class, beacon(ChromiumBodies.jsonBlob(json))::json);
        assertEquals(Optional.empty(), beacon(ChromiumBodies.string(json)).json());
    }

    /** Parsson refuses these with an UnsupportedOperationException and a bare RuntimeException, which escaped to observers. */
    @Test
    void jsonTooDeepOrWithTooLongANumberIsMalformedAndTextThatHoldsItIsJustText() {
        for (String json : List.of("[".repeat(1000) + "]".repeat(1000), "[" + "1".repeat(1200) + "]")) {
            assertThrows(MalformedBeaconException.class, beacon(ChromiumBodies.jsonBlob(json))::json);
            assertEquals(Optional.empty(), beacon(ChromiumBodies.string(json)).json());
        }
    }

    @Test
    void parsesEachViewOnceForAllObservers() {
        Beacon json = beacon(ChromiumBodies.jsonBlob("{\"a\":1}"));
        Beacon form = beacon(ChromiumBodies.urlSearchParams());

        assertSame(json.json().orElseThrow(), json.json().orElseThrow());
        assertSame(form.form().orElseThrow(), form.form().orElseThrow());
    }

    @Test
    void formOfOtherMediaTypesIsAbsent() {
        assertEquals(Optional.empty(), beacon(ChromiumBodies.string("a=b")).form());
    }

    @Test
    void keepsRepeatedFieldsAndEmptyValuesOfAUrlencodedForm() {
        BeaconForm form = beacon(new BrowserBody("application/x-www-form-urlencoded", "a=1&a=2&flag&b=".getBytes(StandardCharsets.US_ASCII)))
                .form().orElseThrow();

        assertEquals(List.of("1", "2"), form.values("a"));
        assertEquals(Optional.of(""), form.first("flag"));
        assertEquals(Optional.of(""), form.first("b"));
        assertEquals(List.of(), form.values("missing"));
    }

    @Test
    void invalidPercentEncodingIsAnError() {
        for (String body : List.of("a=%ZZ", "a=%4", "a=%")) {
            Beacon beacon = beacon(new BrowserBody("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.US_ASCII)));
            assertThrows(MalformedBeaconException.class, beacon::form, body);
        }
    }

    @Test
    void multipartWithoutBoundaryIsAnError() {
        Beacon beacon = beacon(new BrowserBody("multipart/form-data", ChromiumBodies.formDataWithFile("{}").bytes()));

        MalformedBeaconException failure = assertThrows(MalformedBeaconException.class, beacon::form);
        assertTrue(failure.getMessage().contains("boundary"), failure.getMessage());
    }

    @Test
    void truncatedMultipartIsAnError() {
        BrowserBody whole = ChromiumBodies.formDataWithFile("{\"big\":true}");
        byte[] truncated = Arrays.copyOf(whole.bytes(), whole.bytes().length - 30);

        assertThrows(MalformedBeaconException.class, () -> beacon(new BrowserBody(whole.contentType(), truncated)).form());
    }

    @Test
    void multipartPartContentMayHoldTheBoundaryTextWithoutItsLeadingDashes() {
        String boundary = "XyZ";
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nXyZ--XyZ\r\n--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"f\"; filename=\"e.bin\"\r\n\r\n\r\n--XyZ--\r\n";
        BeaconForm form = beacon(new BrowserBody("multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8)))
                .form().orElseThrow();

        assertEquals(List.of("XyZ--XyZ"), form.values("a"));
        assertEquals(0, form.files().get(0).size());
        assertEquals(Optional.empty(), form.files().get(0).contentType());
    }

    /** The delimiter search skips ahead: every prefix of the delimiter, and the delimiter with one byte changed, is content. */
    @Test
    void multipartFileContentHoldingNearMissesOfTheDelimiterComesBackWhole() {
        String delimiter = "\r\n--" + ChromiumBodies.BOUNDARY;
        StringBuilder content = new StringBuilder("{");
        for (int i = 1; i < delimiter.length(); i++) {
            content.append(delimiter, 0, i).append('|');
            content.append(delimiter, 0, i).append('#').append(delimiter, i + 1, delimiter.length()).append('|');
        }
        String json = content.append('}').toString();

        FilePart file = beacon(ChromiumBodies.formDataWithFile(json)).form().orElseThrow().files().get(0);

        assertEquals(json, new String(file.bytes(), StandardCharsets.UTF_8));
    }

    /** Found by {@code FormFuzzTest}: a backslash is not an escape in a name a browser writes. */
    @Test
    void multipartNamesAndFileNamesKeepTheBackslashesBrowsersSendAsTheyAre() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"a\\%22b\\\"\r\n\r\nv\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"C:\\temp\\t.json\"\r\n\r\n{}\r\n--b--\r\n";
        BeaconForm form = beacon(new BrowserBody("multipart/form-data; boundary=b", body.getBytes(StandardCharsets.UTF_8)))
                .form().orElseThrow();

        assertEquals(List.of("v"), form.values("a\\%22b\\"));
        assertEquals("C:\\temp\\t.json", form.files().get(0).filename());
    }

    /** Header names are case-insensitive (RFC 9110); other headers are skipped; a line that is not a header refuses the form. */
    @Test
    void multipartPartHeadersAreReadInAnyCaseAndALineThatIsNoHeaderIsAnError() {
        String body = "--b\r\nX-Other: 1\r\n  CONTENT-disposition :  form-data; name=\"f\"; filename=\"t.json\"\r\n"
                + "content-TYPE: application/json\r\n\r\n{}\r\n--b--\r\n";
        FilePart file = beacon(new BrowserBody("multipart/form-data; boundary=b", body.getBytes(StandardCharsets.UTF_8)))
                .form().orElseThrow().files().get(0);

        assertEquals("t.json", file.filename());
        assertEquals("application/json", file.contentType().orElseThrow().essence());
        for (String line : List.of("Content-Disposition form-data; name=\"a\"", ": form-data; name=\"a\"")) {
            byte[] malformed = ("--b\r\n" + line + "\r\n\r\nv\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
            MalformedBeaconException failure = assertThrows(MalformedBeaconException.class,
                    () -> beacon(new BrowserBody("multipart/form-data; boundary=b", malformed)).form(), line);
            assertTrue(failure.getMessage().contains("malformed header line"), failure.getMessage());
        }
    }

    @Test
    void readsFirefoxFormData() {
        String boundary = "----geckoformboundary0123456789abcdef0123456789abcdef";
        String body = "------geckoformboundary0123456789abcdef0123456789abcdef\r\n"
                + "Content-Disposition: form-data; name=\"event\"\r\n\r\nhidden\r\n"
                + "------geckoformboundary0123456789abcdef0123456789abcdef--\r\n";

        assertEquals(Optional.of("hidden"), beacon(new BrowserBody("multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8))).form().orElseThrow().first("event"));
    }

    private static Beacon beacon(BrowserBody body) {
        return Beacon.builder("default", "/beacon")
                .contentType(body.contentType() == null ? null : ContentType.parse(body.contentType()))
                .body(body.bytes())
                .build();
    }
}
