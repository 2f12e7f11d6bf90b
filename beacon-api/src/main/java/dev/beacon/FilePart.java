package dev.beacon;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A file part of a {@code multipart/form-data} beacon, as sent by
 * {@code navigator.sendBeacon(url, formData)} when the {@code FormData} holds a {@code Blob} or
 * {@code File}.
 */
public final class FilePart {

    private final String name;
    private final String filename;
    private final ContentType contentType;
    /** The whole beacon body, which the part is a view into: not copied until asked for. */
    private final byte[] body;
    private final int offset;
    private final int length;

    /**
     * @param body the beacon's body, never changed
     * @param offset where the file's bytes start in it
     * @param length how many there are
     */
    FilePart(String name, String filename, ContentType contentType, byte[] body, int offset, int length) {
        this.name = Objects.requireNonNull(name);
        this.filename = Objects.requireNonNull(filename);
        this.contentType = contentType;
        this.body = body;
        this.offset = offset;
        this.length = length;
    }

    /**
     * @return the form field name
     */
    public String name() {
        return name;
    }

    /**
     * @return the file name the browser sent; {@code blob} for a {@code Blob} appended without one
     */
    public String filename() {
        return filename;
    }

    /**
     * @return the part's media type, absent when the part had no {@code Content-Type}
     */
    public Optional<ContentType> contentType() {
        return Optional.ofNullable(contentType);
    }

    /**
     * @return a copy of the file's bytes
     */
    public byte[] bytes() {
        return Arrays.copyOfRange(body, offset, offset + length);
    }

    /**
     * @return the file's size in bytes
     */
    public int size() {
        return length;
    }

    @Override
    public String toString() {
        return "FilePart[name=" + name + ", filename=" + filename + ", size=" + length + "]";
    }
}
