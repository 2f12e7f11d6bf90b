package dev.beacon.core.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.beacon.core.settings.BeaconConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleAccessTest {

    @Test
    void anAllowedAddressThatIsNoAddressFailsTheDeploymentNamingTheSetting() {
        BeaconConfig config = BeaconConfig.from(Map.of(BeaconConfig.CONSOLE_PATH, "/beacon-console",
                BeaconConfig.CONSOLE_ALLOWED_ADDRESSES, "127.0.0.1, localhost")::get);

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> ConsoleAccess.of(config));

        assertEquals("The 'beacon.console.allowed-addresses' setting must list IP addresses and CIDR ranges, e.g. '10.0.0.0/8, 192.0.2.7,"
                + " fd00::/8'; got 'localhost'.", failure.getMessage());
    }
}
