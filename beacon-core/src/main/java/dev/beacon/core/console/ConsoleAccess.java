package dev.beacon.core.console;

import dev.beacon.core.exchange.AddressRanges;
import dev.beacon.core.exchange.ServletIncomingRequest;
import dev.beacon.core.exchange.TrustedProxies;
import dev.beacon.core.settings.BeaconConfig;
import dev.beacon.core.settings.ConsoleSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who may see the console: a user in the role the application names, as the container's own authentication says, and a
 * client whose address is among those allowed, read behind the trusted proxies as for beacons; each only where it is
 * set, both where both are. The settings never leave it open to anyone: {@link ConsoleSettings} refuses a console with
 * neither.
 */
final class ConsoleAccess {

    private final String role;
    /** Empty where any address may see the console. */
    private final AddressRanges addresses;
    private final TrustedProxies proxies;

    private ConsoleAccess(String role, AddressRanges addresses, TrustedProxies proxies) {
        this.role = role;
        this.addresses = addresses;
        this.proxies = proxies;
    }

    /**
     * @param config the application's settings
     * @return who may see its console
     * @throws IllegalArgumentException naming the setting, where an allowed address is no address
     */
    static ConsoleAccess of(BeaconConfig config) {
        ConsoleSettings console = config.console();
        return new ConsoleAccess(console.role(), AddressRanges.of(console.allowedAddresses(), BeaconConfig.CONSOLE_ALLOWED_ADDRESSES),
                TrustedProxies.of(config.trustedProxies()));
    }

    /**
     * @param request a request for the console
     * @return why it is refused, for the {@code 403} to say; empty when it may see the console
     */
    Optional<String> refusal(HttpServletRequest request) {
        if (!addresses.isEmpty()) {
            String client = proxies.clientAddressOf(new ServletIncomingRequest(request));
            if (!addresses.contains(client)) {
                return Optional.of("The beacon console is not open to your address (" + client + "): "
                        + BeaconConfig.CONSOLE_ALLOWED_ADDRESSES + " does not list it.");
            }
        }
        if (!role.isEmpty() && !request.isUserInRole(role)) {
            return Optional.of(request.getUserPrincipal() == null
                    ? "The beacon console needs a user in the role '" + role + "', and no one is logged in: the application's login must"
                    + " cover the console's path."
                    : "The beacon console needs a user in the role '" + role + "'.");
        }
        return Optional.empty();
    }
}
