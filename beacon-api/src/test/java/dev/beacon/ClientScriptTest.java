package dev.beacon;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The client script the jar serves from {@code META-INF/resources}: where servlet containers serve it
 * from, and small enough that a page pays little for it. What it does is proven in real browsers
 * ({@code BrowserIT}).
 */
class ClientScriptTest {

    /** Four, since it keeps every batch until the server confirms it: in storage, retried, resent at the next load. */
    @Test
    void theScriptIsUnderFourKilobytesGzipped() throws IOException {
        byte[] script = resource("META-INF/resources/beacon.js");
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(script);
        }

        assertTrue(gzipped.size() < 4096, () -> gzipped.size() + " bytes gzipped");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ClientScriptTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }
}
