/**
 * One runtime per application: {@link dev.beacon.core.runtime.BeaconRuntime}, built when the application starts by
 * whichever beacon jar's initializer runs first, owns the validated settings, the intake both entry points share, the
 * delivery to the application's CDI container and the JMX publication of its counters; it finds the container as
 * soon as the application has started, before any beacon.
 * <p>
 * Internal to the library, like every package of {@code beacon-core}: its types change in any release without
 * notice. Applications use {@code dev.beacon} and {@code dev.beacon.report}.
 */
package dev.beacon.core.runtime;
