package dev.beacon.testing;

/**
 * A typed payload as an application declares it: a Core Web Vitals metric, as the web-vitals library
 * reports it, with the page's id for the tests to find it by.
 *
 * @param id the sending page's id
 * @param name the metric, e.g. {@code LCP}
 * @param value its value
 * @param delta the change since it was last reported
 */
public record WebVital(String id, String name, double value, int delta) {
}
