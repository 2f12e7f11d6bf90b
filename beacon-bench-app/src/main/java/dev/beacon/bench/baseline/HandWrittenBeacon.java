package dev.beacon.bench.baseline;

/**
 * What the hand-written resource fires.
 *
 * @param body the body, as text
 */
public record HandWrittenBeacon(String body) {
}
