package dev.beacon.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Bodies compressed as a client that sets {@code Content-Encoding} sends them. */
public final class Compressed {

    private Compressed() {
    }

    /**
     * @param bytes what to compress
     * @return the bytes in the {@code gzip} coding
     */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * @param bytes what to compress
     * @return the bytes in the {@code deflate} coding: a zlib stream
     */
    public static byte[] deflate(byte[] bytes) {
        return deflate(bytes, new Deflater());
    }

    /**
     * @param bytes what to compress
     * @param deflater the deflater to use, ended here
     * @return the zlib stream
     */
    public static byte[] deflate(byte[] bytes, Deflater deflater) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, deflater)) {
            deflate.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
