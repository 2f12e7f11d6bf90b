package dev.beacon.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The largest body a beacon may have, enforced while reading: never more than the limit plus one
 * byte is read, whatever the client declared or sends.
 */
public final class BodyLimit {

    private static final int CHUNK = 8192;

    private final long maxBytes;

    /**
     * @param maxBytes the largest accepted body, in bytes
     */
    public BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @return the largest accepted body, in bytes
     */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * @param contentLength the declared {@code Content-Length}, negative when unknown
     * @return whether the declared length alone is over the limit
     */
    public boolean refuses(long contentLength) {
        return contentLength > maxBytes;
    }

    /**
     * Reads a whole body, stopping as soon as it crosses the limit.
     *
     * @param body the body stream
     * @param contentLength the declared {@code Content-Length}, negative when unknown; sizes the buffer
     * @return the body bytes
     * @throws BodyTooLargeException as soon as the body crosses the limit
     * @throws IOException when the client stops sending
     */
    public byte[] read(InputStream body, long contentLength) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Math.max(contentLength, 0), maxBytes));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int read;
        while ((read = body.read(chunk, 0, (int) Math.min(CHUNK, maxBytes - total + 1))) != -1) {
            total += read;
            if (total > maxBytes) {
                throw new BodyTooLargeException();
            }
            bytes.write(chunk, 0, read);
        }
        return bytes.toByteArray();
    }

    /** The body crossed the limit while being read. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("Body larger than the limit");
        }
    }
}
