package dev.beacon.core.exchange;

import dev.beacon.ContentType;

/**
 * The media types lately parsed, by their {@code Content-Type} header exactly as sent. An application's
 * beacons come with a handful of distinct headers ({@code text/plain;charset=UTF-8}, {@code application/json},
 * {@code application/reports+json}), so most beacons find theirs here instead of parsing it again.
 * <p>
 * A fixed table of slots chosen by the header's hash, each holding its last header: whatever clients send,
 * it holds at most {@value #SLOTS} entries, and a header that meets another in its slot is parsed anew. A
 * slot is replaced whole, and {@link ContentType} is immutable, so threads racing on one see either entry.
 */
final class RecentContentTypes {

    private static final int SLOTS = 64;

    /** The application's: its requests share their few media types. */
    static final RecentContentTypes OF_THIS_APPLICATION = new RecentContentTypes();

    private record Parsed(String header, ContentType contentType) {
    }

    private final Parsed[] slots = new Parsed[SLOTS];

    /**
     * @param header a {@code Content-Type} header value
     * @return its media type
     * @throws dev.beacon.MalformedBeaconException when it does not parse; a malformed header is never kept
     */
    ContentType parse(String header) {
        int slot = header.hashCode() & (SLOTS - 1);
        Parsed recent = slots[slot];
        if (recent != null && recent.header().equals(header)) {
            return recent.contentType();
        }
        ContentType parsed = ContentType.parse(header);
        slots[slot] = new Parsed(header, parsed);
        return parsed;
    }
}
