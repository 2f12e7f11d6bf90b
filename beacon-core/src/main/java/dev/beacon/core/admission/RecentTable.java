package dev.beacon.core.admission;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A table of per-client state that holds at most a fixed number of entries, however many keys clients
 * make up: past it, the entry used least recently goes. Split into segments, each with its own lock, so
 * that concurrent beacons rarely wait for each other.
 *
 * @param <V> the state kept per key
 */
final class RecentTable<V> {

    private static final int SEGMENTS = 64;

    private final Segment<V>[] segments;

    /**
     * @param capacity how many entries it holds at most, in all
     */
    @SuppressWarnings("unchecked") // an array of a generic class
    RecentTable(int capacity) {
        int perSegment = Math.max(1, capacity / SEGMENTS);
        segments = new Segment[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment<>(perSegment);
        }
    }

    /**
     * Applies an action to a key's entry, created first when there is none, under the entry's lock.
     *
     * @return what the action returns
     */
    <R> R apply(String key, Supplier<V> create, Function<V, R> action) {
        Segment<V> segment = segmentOf(key);
        synchronized (segment) {
            return action.apply(segment.computeIfAbsent(key, absent -> create.get()));
        }
    }

    void remove(String key) {
        Segment<V> segment = segmentOf(key);
        synchronized (segment) {
            segment.remove(key);
        }
    }

    /**
     * @return how many entries it holds
     */
    int size() {
        int size = 0;
        for (Segment<V> segment : segments) {
            synchronized (segment) {
                size += segment.size();
            }
        }
        return size;
    }

    private Segment<V> segmentOf(String key) {
        int hash = key.hashCode();
        return segments[(hash ^ hash >>> 16) & SEGMENTS - 1];
    }

    /** A map in access order that drops its eldest entry when it grows past its share. */
    private static final class Segment<V> extends LinkedHashMap<String, V> {
        private static final long serialVersionUID = 1L;

        private final int capacity;

        Segment(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > capacity;
        }
    }
}
