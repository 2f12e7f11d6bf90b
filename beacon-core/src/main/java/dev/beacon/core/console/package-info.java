/**
 * The console: a page the jar serves at an opt-in path, protected like any admin page, where operators look at the last
 * hour's accepted and refused beacons and at the faults the reports tell of most. {@link
 * dev.beacon.core.console.BeaconConsole} keeps what it shows, {@link dev.beacon.core.console.ConsoleServlet} serves it to
 * whom {@link dev.beacon.core.console.ConsoleAccess} lets in.
 */
package dev.beacon.core.console;
