/**
 * Settings: where they are read, in the documented order, and names no module knows refused
 * ({@link dev.beacon.core.settings.BeaconSettings}, which every module's settings go through), and the intake's own,
 * validated when the application starts ({@link dev.beacon.core.settings.BeaconConfig}).
 */
package dev.beacon.core.settings;
