package dev.beacon.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body as it arrives, counted against the body limit: the one counter that every reader feeds, the
 * blocking one and the non-blocking one alike, and decoding too. Never more than the limit plus one
 * byte is taken, whatever the client declared or sends.
 * <p>
 * Not thread-safe: one reader feeds it at a time, as the container calls it.
 */
public final class BodyBuffer {

    /** What a read takes at most at once. */
    public static final int CHUNK = 8192;

    /** What the buffer starts with at most: a client that declares a large body and sends a byte holds little. */
    private static final int INITIAL_CAPACITY = 65_536;

    private final long declaredLength;
    private final long maxBytes;
    private final ByteArrayOutputStream bytes;

    /**
     * @param declaredLength the declared {@code Content-Length}, negative when unknown
     * @param maxBytes the largest body accepted
     */
    BodyBuffer(long declaredLength, long maxBytes) {
        this.declaredLength = declaredLength;
        this.maxBytes = maxBytes;
        this.bytes = new ByteArrayOutputStream((int) Math.min(Math.max(declaredLength, 0), Math.min(maxBytes, INITIAL_CAPACITY)));
    }

    /**
     * @return how many bytes the next read may take: up to the declared length, or, for a body of
     *         unknown length, one byte past the limit, so that crossing it shows
     */
    public int nextReadSize() {
        long left = declaredLength >= 0 ? declaredLength - bytes.size() : maxBytes - bytes.size() + 1;
        return (int) Math.min(CHUNK, left);
    }

    /**
     * Takes bytes just read.
     *
     * @param chunk the bytes
     * @param length how many of them, from the start
     * @throws BodyTooLargeException when the body crossed the limit with them: read no further
     */
    public void append(byte[] chunk, int length) throws BodyTooLargeException {
        if (bytes.size() + (long) length > maxBytes) {
            throw new BodyTooLargeException();
        }
        bytes.write(chunk, 0, length);
    }

    /**
     * @return whether the declared length has been read: nothing more is asked of the container,
     *         which answers a further read of a complete body in ways that differ by server
     */
    public boolean isComplete() {
        return declaredLength >= 0 && bytes.size() >= declaredLength;
    }

    /**
     * @return whether fewer bytes arrived than the {@code Content-Length} declared: a client that
     *         stopped early, which some containers report as a quiet end of the stream
     */
    boolean isShort() {
        return bytes.size() < declaredLength;
    }

    /**
     * Reads a whole body, blocking, until its declared length, its end, or the limit.
     *
     * @param body the body stream; not closed: the container owns it, and Undertow's {@code close()}
     *        drains the rest of the body, which for a body over the limit can be endless
     * @return this buffer
     * @throws BodyTooLargeException as soon as the body crosses the limit
     * @throws IOException when the client stops sending
     */
    BodyBuffer readFrom(InputStream body) throws IOException {
        byte[] chunk = new byte[CHUNK];
        int read;
        while (!isComplete() && (read = body.read(chunk, 0, nextReadSize())) != -1) {
            append(chunk, read);
        }
        return this;
    }

    /**
     * @return the bytes taken so far
     */
    byte[] toByteArray() {
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
