package dev.beacon.core.body;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.beacon.core.body.ContentDecoding.Coding;
import dev.beacon.testing.Compressed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class ContentDecodingTest {

    private static final byte[] REPORT = "[{\"type\":\"csp-violation\",\"body\":{}}]".getBytes(StandardCharsets.UTF_8);

    private final ContentDecoding both = new ContentDecoding(List.of("gzip", "deflate"));
    private final long limit = 65_536;

    @Test
    void takesNoHeaderAndIdentityAsTheBodyAsSent() {
        ContentDecoding none = new ContentDecoding(List.of());

        assertEquals(Optional.of(Coding.IDENTITY), none.codingOf(List.of()));
        assertEquals(Optional.of(Coding.IDENTITY), none.codingOf(List.of(" Identity ")));
        assertEquals(Optional.empty(), none.codingOf(List.of("gzip")));
        assertEquals("identity", none.acceptEncoding());
    }

    @Test
    void readsConfiguredCodingsIgnoringCaseAndTakesXGzipAsGzip() {
        assertEquals(Optional.of(Coding.GZIP), both.codingOf(List.of("GZip")));
        assertEquals(Optional.of(Coding.GZIP), both.codingOf(List.of("x-gzip")));
        assertEquals(Optional.of(Coding.DEFLATE), both.codingOf(List.of("identity, deflate")));
        assertEquals("identity, gzip, deflate", both.acceptEncoding());
    }

    @Test
    void refusesUnknownAndStackedCodings() {
        assertEquals(Optional.empty(), both.codingOf(List.of("br")));
        assertEquals(Optional.empty(), both.codingOf(List.of("gzip, gzip")));
        assertEquals(Optional.empty(), both.codingOf(List.of("gzip", "deflate")));
        assertEquals(Optional.empty(), new ContentDecoding(List.of("deflate")).codingOf(List.of("gzip")));
    }

    @Test
    void decodesGzipAndDeflate() throws IOException {
        assertArrayEquals(REPORT, both.decode(Coding.GZIP, Compressed.gzip(REPORT), limit));
        assertArrayEquals(REPORT, both.decode(Coding.DEFLATE, Compressed.deflate(REPORT), limit));
        assertArrayEquals(REPORT, both.decode(Coding.IDENTITY, REPORT, limit));
    }

    @Test
    void holdsTheDecodedBodyToTheLimitWhateverItsCompressedSize() throws IOException {
        byte[] bomb = Compressed.gzip(new byte[10 * 1024 * 1024]);
        byte[] exactlyTheLimit = Compressed.gzip(new byte[65_536]);

        assertTrue(bomb.length < 65_536 / 2, "the bomb fits the limit as sent: " + bomb.length);
        assertThrows(BodyBuffer.BodyTooLargeException.class, () -> both.decode(Coding.GZIP, bomb, limit));
        assertThrows(BodyBuffer.BodyTooLargeException.class, () -> both.decode(Coding.DEFLATE, Compressed.deflate(new byte[65_537]), limit));
        assertEquals(65_536, both.decode(Coding.GZIP, exactlyTheLimit, limit).length);
    }

    @Test
    void refusesBodiesNotValidInTheirCoding() throws IOException {
        byte[] gzip = Compressed.gzip(REPORT);
        byte[] badTrailer = gzip.clone();
        badTrailer[badTrailer.length - 5] ^= 1; // the CRC-32 of the decoded bytes

        assertThrows(IOException.class, () -> both.decode(Coding.GZIP, REPORT, limit));
        assertThrows(IOException.class, () -> both.decode(Coding.GZIP, new byte[0], limit));
        assertThrows(IOException.class, () -> both.decode(Coding.GZIP, Arrays.copyOf(gzip, gzip.length - 4), limit));
        assertThrows(IOException.class, () -> both.decode(Coding.GZIP, badTrailer, limit));
        assertThrows(IOException.class, () -> both.decode(Coding.DEFLATE, gzip, limit));
        byte[] deflate = Compressed.deflate(REPORT);
        assertThrows(IOException.class, () -> both.decode(Coding.DEFLATE, Arrays.copyOf(deflate, deflate.length / 2), limit));
    }

    @Test
    void refusesADeflateStreamThatNeedsAPresetDictionary() throws IOException {
        Deflater withDictionary = new Deflater();
        withDictionary.setDictionary("csp-violation".getBytes(StandardCharsets.US_ASCII));

        assertThrows(IOException.class, () -> both.decode(Coding.DEFLATE, Compressed.deflate(REPORT, withDictionary), limit));
    }
}
