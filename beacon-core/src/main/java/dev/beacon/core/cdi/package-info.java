/**
 * The CDI side of the runtime: {@link dev.beacon.core.cdi.BeaconExtension} records, at deployment, what the
 * application's observers observe ({@link dev.beacon.core.cdi.ObservedEndpoints}), refuses those the library cannot
 * honour ({@code ObserverRefusals}), adds the library's beans where their APIs are present (readiness:
 * {@code BeaconReadiness}), and at shutdown closes every delivery ({@link dev.beacon.core.cdi.Drainable}) before the
 * application's beans are destroyed.
 */
package dev.beacon.core.cdi;
