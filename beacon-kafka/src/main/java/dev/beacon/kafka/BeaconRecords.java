package dev.beacon.kafka;

import dev.beacon.Beacon;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A beacon as a Kafka record: its body's bytes, as received, are the value; what the request said about
 * it travels in headers, each present only when the request had it; the record's timestamp is the
 * beacon's reception.
 */
final class BeaconRecords {

    /** The id its client gave it ({@code Beacon.id()}): the same in every record of a beacon sent again. */
    static final String ID = "beacon.id";
    /** The endpoint the beacon was sent to. */
    static final String ENDPOINT = "beacon.endpoint";
    /** Its {@code Content-Type}, as sent. */
    static final String CONTENT_TYPE = "beacon.content-type";
    /** The page's origin, as the browser sent it. */
    static final String ORIGIN = "beacon.origin";
    /** The client's address, behind the trusted proxies. */
    static final String CLIENT_ADDRESS = "beacon.client-address";
    static final String USER_AGENT = "beacon.user-agent";
    /** When it was received, ISO-8601. */
    static final String RECEIVED_AT = "beacon.received-at";

    /** What Kafka's record format adds to a record's key, value and headers, at most: lengths, offsets, attributes. */
    private static final int RECORD_OVERHEAD = 64;
    /** An instant of years 0 to 9999 as ISO-8601, to the nanosecond: {@code 2026-11-30T12:00:00.123456789Z}. */
    private static final int LONGEST_INSTANT = 30;
    /** The smallest record a beacon makes: an empty body, its endpoint and reception time only. */
    static final long SMALLEST = RECORD_OVERHEAD + ENDPOINT.length() + RECEIVED_AT.length() + LONGEST_INSTANT;

    private BeaconRecords() {
    }

    /**
     * @param beacon an accepted beacon
     * @param topic the topic its endpoint writes to
     * @param key how records are keyed
     * @return its record
     */
    static ProducerRecord<byte[], byte[]> of(Beacon beacon, String topic, RecordKey key) {
        String keyText = key.of(beacon);
        return new ProducerRecord<>(topic, null, beacon.receivedAt().toEpochMilli(),
                keyText == null ? null : utf8(keyText), beacon.body(), headersOf(beacon));
    }

    /**
     * What the record holds in the producer's buffer, at most: what the sink reserves room for.
     *
     * @param record a beacon's record, made by {@link #of}
     * @return its size in bytes
     */
    static long sizeOf(ProducerRecord<byte[], byte[]> record) {
        long size = RECORD_OVERHEAD + record.value().length + (record.key() == null ? 0 : record.key().length);
        for (Header header : record.headers()) {
            // The reception time prints shorter when its fraction ends in zeros: counted at its longest, so that a
            // size depends on what was sent alone.
            size += header.key().length() + (header.key().equals(RECEIVED_AT) ? LONGEST_INSTANT : header.value().length);
        }
        return size;
    }

    private static List<Header> headersOf(Beacon beacon) {
        List<Header> headers = new ArrayList<>(7);
        add(headers, ID, beacon.id());
        add(headers, ENDPOINT, Optional.of(beacon.endpoint()));
        add(headers, CONTENT_TYPE, beacon.contentType().map(Object::toString));
        add(headers, ORIGIN, beacon.origin());
        add(headers, CLIENT_ADDRESS, beacon.clientAddress());
        add(headers, USER_AGENT, beacon.userAgent());
        add(headers, RECEIVED_AT, Optional.of(beacon.receivedAt().toString()));
        return headers;
    }

    private static void add(List<Header> headers, String name, Optional<String> value) {
        value.ifPresent(text -> headers.add(new RecordHeader(name, utf8(text))));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
