/**
 * The order of the HTTP rules, and the answer to each request: {@link dev.beacon.core.intake.BeaconIntake} takes a
 * request from either entry point through method ({@code 405}), origin and preflight, media type ({@code 415}), the
 * body's limits and codings, parsing, the client's rate and duplicates, and admission, and gives back one
 * {@link dev.beacon.core.exchange.Answer}. {@code GET} beacons (the query as a form, the GIF, {@code 414}) are its
 * rules too.
 */
package dev.beacon.core.intake;
