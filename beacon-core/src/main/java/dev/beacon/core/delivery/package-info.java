/**
 * An accepted beacon on its way to the application: the container found and joined to admission
 * ({@link dev.beacon.core.delivery.BeaconDelivery}), the events a beacon makes, the beacon, its reports and its typed
 * payloads ({@link dev.beacon.core.delivery.EventPlan}), and the notification of observers, their resolution,
 * {@code @Priority} order, isolation from each other's failures, request contexts and asynchronous threads
 * ({@link dev.beacon.core.delivery.Dispatcher}). Without even the CDI API, {@code WithoutCdi} answers {@code 503} and
 * says once what to add.
 */
package dev.beacon.core.delivery;
