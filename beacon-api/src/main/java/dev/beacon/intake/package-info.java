/**
 * The rules shared by the {@code beacon-servlet} filter and the {@code beacon-jaxrs} resource:
 * recognising a beacon, media types, body limit, origins, building the {@link dev.beacon.Beacon}
 * and delivering it to observers. Written once so that both entry points behave the same.
 * <p>
 * Not for applications: these types may change in any release. Applications use
 * {@link dev.beacon.Beacon}, {@link dev.beacon.BeaconEndpoint} and {@link dev.beacon.BeaconConfig}.
 */
package dev.beacon.intake;
