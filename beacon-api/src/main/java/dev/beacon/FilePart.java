package dev.beacon;

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
    private final byte[] bytes;

    FilePart(String name, String filename, ContentType contentType, byte[] bytes) {
        this.name = Objects.requireNonNull(name);
        this.filename = Objects.requireNonNull(filename);
        this.contentType = contentType;
        this.bytes = bytes;
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
        return bytes.clone();
    }

    /**
     * @return the file's size in bytes
     */
    public int size() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "FilePart[name=" + name + ", filename=" + filename + ", size=" + bytes.length + "]";
    }
}
