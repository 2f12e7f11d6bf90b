/**
 * Whether a readable beacon is taken: the per-client rate limit ({@code RateLimit}, {@code 429}), duplicates within the
 * window ({@code DuplicateWindow}), beacons and bytes in flight ({@link dev.beacon.core.admission.InFlightBudget},
 * {@code 503}), and a place in flight with room in every sink, together or not at all
 * ({@link dev.beacon.core.admission.Admission}).
 */
package dev.beacon.core.admission;
