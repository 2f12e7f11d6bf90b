package dev.beacon.core.settings;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the console is served and to whom: off unless a path is set, and never open to anyone, since a path set without
 * a role or addresses fails the deployment.
 *
 * @param path the console's path under the context root, e.g. {@code /beacon-console}; empty when it is off
 * @param role the role a user must be in, checked with the container's own authentication; empty for none
 * @param allowedAddresses the addresses and CIDR ranges a client must send from; empty for any
 */
public record ConsoleSettings(String path, String role, List<String> allowedAddresses) {

    /** The console off. */
    static final ConsoleSettings OFF = new ConsoleSettings("", "", List.of());

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");
    private static final Pattern ROLE = Pattern.compile("[^\\s,]+");

    /**
     * @return whether the console is served
     */
    public boolean isOn() {
        return !path.isEmpty();
    }

    /**
     * @param values the application's settings
     * @param beaconPaths the filter's base paths, which the console must stay out of
     * @return the console's settings
     * @throws IllegalArgumentException naming the setting and the fix, for a path that is no plain path, one among the
     *         beacon paths, or one set with neither a role nor addresses
     */
    static ConsoleSettings from(SettingValues values, List<String> beaconPaths) {
        String path = values.value(BeaconConfig.CONSOLE_PATH);
        String role = values.value(BeaconConfig.CONSOLE_ROLE);
        List<String> addresses = values.list(BeaconConfig.CONSOLE_ALLOWED_ADDRESSES, "", "The '%s' setting must list IP addresses and CIDR"
                + " ranges, e.g. '127.0.0.1, ::1, 10.0.0.0/8'; got '%s'.", value -> !value.isBlank());
        if (path == null || path.isBlank()) {
            return OFF;
        }
        path = path.strip();
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("The '" + BeaconConfig.CONSOLE_PATH + "' setting must be a path under the context root,"
                    + " starting with '/', of letters, digits, '.', '_', '~' and '-', without a trailing '/', e.g. '/beacon-console'; got '"
                    + path + "'.");
        }
        for (String beaconPath : beaconPaths) {
            if (path.equals(beaconPath) || path.startsWith(beaconPath + "/")) {
                throw new IllegalArgumentException("The '" + BeaconConfig.CONSOLE_PATH + "' setting '" + path + "' lies under the beacon path '"
                        + beaconPath + "', where requests are beacons; choose a path beside it, e.g. '/beacon-console'.");
            }
        }
        role = role == null ? "" : role.strip();
        if (!role.isEmpty() && !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("The '" + BeaconConfig.CONSOLE_ROLE + "' setting must be one role name; got '" + role + "'.");
        }
        if (role.isEmpty() && addresses.isEmpty()) {
            throw new IllegalArgumentException("The '" + BeaconConfig.CONSOLE_PATH + "' setting serves the beacon console, which would then be"
                    + " open to anyone: set '" + BeaconConfig.CONSOLE_ROLE + "' to a role your application's login grants operators, or '"
                    + BeaconConfig.CONSOLE_ALLOWED_ADDRESSES + "' to the addresses they use, e.g. '127.0.0.1, ::1', or both.");
        }
        return new ConsoleSettings(path, role, addresses);
    }
}
