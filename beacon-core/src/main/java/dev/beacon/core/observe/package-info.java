/**
 * What operators see: the application's counters, which only the library changes
 * ({@link dev.beacon.core.observe.BeaconCounters}), published over JMX ({@code StatisticsPublisher}), MicroProfile
 * Metrics ({@code BeaconMetrics}) and OpenTelemetry ({@code BeaconTelemetry}); and failures of observers and sinks,
 * counted and logged within bounds ({@link dev.beacon.core.observe.FailureLog}).
 */
package dev.beacon.core.observe;
