package dev.beacon.core.body;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A body as it arrives, counted against the body limit: the one counter that every reader feeds, the
 * blocking one and the non-blocking one alike, and decoding too. Never more than the limit plus one
 * byte is taken, whatever the client declared or sends.
 * <p>
 * The bytes are read into one array that becomes the beacon's body without a copy: a body that has
 * arrived whole is read straight into an array of its declared length; one that trickles in grows its
 * array as it comes, so that a client that declares a large body and sends a byte holds little.
 * <p>
 * Not thread-safe: one reader feeds it at a time, as the container calls it.
 */
public final class BodyBuffer {

    /** What a non-blocking read takes at most at once. */
    public static final int CHUNK = 8192;

    /** Where a body of unknown length starts: most beacons are smaller. */
    private static final int FIRST_CAPACITY = 1024;

    private static final byte[] EMPTY = new byte[0];

    private final long declaredLength;
    private final long maxBytes;
    private byte[] bytes = EMPTY;
    private int size;

    /**
     * @param declaredLength the declared {@code Content-Length}, negative when unknown
     * @param maxBytes the largest body accepted
     */
    public BodyBuffer(long declaredLength, long maxBytes) {
        this.declaredLength = declaredLength;
        this.maxBytes = maxBytes;
    }

    /**
     * @return how many bytes the next read may take: up to the declared length, or, for a body of
     *         unknown length, one byte past the limit, so that crossing it shows
     */
    public int nextReadSize() {
        long left = declaredLength >= 0 ? declaredLength - size : maxBytes - size + 1;
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
        if (size + (long) length > maxBytes) {
            throw new BodyTooLargeException();
        }
        ensureRoom(length);
        System.arraycopy(chunk, 0, bytes, size, length);
        size += length;
    }

    /**
     * @return whether the declared length has been read: nothing more is asked of the container,
     *         which answers a further read of a complete body in ways that differ by server
     */
    public boolean isComplete() {
        return declaredLength >= 0 && size >= declaredLength;
    }

    /**
     * @return whether fewer bytes arrived than the {@code Content-Length} declared: a client that
     *         stopped early, which some containers report as a quiet end of the stream
     */
    public boolean isShort() {
        return size < declaredLength;
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
    public BodyBuffer readFrom(InputStream body) throws IOException {
        if (declaredLength >= 0) {
            // Within the limit: the intake refused a larger declared length before reading.
            bytes = new byte[(int) declaredLength];
        }
        int read;
        while (!isComplete()) {
            int room = declaredLength >= 0 ? bytes.length - size : nextReadSize();
            if (declaredLength < 0) {
                ensureRoom(room);
            }
            if ((read = body.read(bytes, size, room)) == -1) {
                break;
            }
            if (size + (long) read > maxBytes) {
                throw new BodyTooLargeException();
            }
            size += read;
        }
        return this;
    }

    /**
     * @return the bytes taken so far; the buffer's own array when it is exactly full, which it then
     *         no longer touches
     */
    public byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    private void ensureRoom(int length) {
        if (size + length > bytes.length) {
            long wanted = Math.max(FIRST_CAPACITY, bytes.length * 2L);
            if (declaredLength >= 0) {
                wanted = Math.min(wanted, declaredLength); // ends exactly full, and becomes the body without a copy
            }
            wanted = Math.max(wanted, size + (long) length);
            // One byte past the limit is the most ever taken: the read that crosses it.
            bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, maxBytes + 1));
        }
    }

    /** The body crossed the limit while being read. */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("Body larger than the limit");
        }
    }
}
