package dev.beacon.demo;

/**
 * The demo's typed payload: a performance metric the page reports to endpoint {@code vitals}, as
 * JSON text, a JSON {@code Blob} or {@code URLSearchParams}, all bound to this record.
 *
 * @param id the id of the page that sent it
 * @param name the metric, e.g. {@code TTFB}
 * @param value its value in milliseconds
 * @param delta the change since the page last reported it
 */
public record WebVital(String id, String name, double value, int delta) {
}
