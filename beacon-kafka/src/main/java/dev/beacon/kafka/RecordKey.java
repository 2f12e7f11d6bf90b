package dev.beacon.kafka;

import dev.beacon.Beacon;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a beacon's record is keyed by, and so which beacons Kafka keeps in order on one partition. No key,
 * the default, spreads records evenly over the partitions.
 */
enum RecordKey {
    NONE, ENDPOINT, CLIENT_ADDRESS, ORIGIN;

    /**
     * @param name the setting's name, for the message when its value names no key
     * @param setting the setting's value, as written: {@code none}, {@code endpoint}, {@code client-address}, {@code origin}
     * @return the key it names
     * @throws IllegalArgumentException naming the setting, for any other value
     */
    static RecordKey of(String name, String setting) {
        String constant = setting.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (RecordKey key : values()) {
            if (key.name().equals(constant)) {
                return key;
            }
        }
        throw new IllegalArgumentException(name + "=" + setting + " is not one of "
                + Arrays.stream(values()).map(RecordKey::setting).collect(Collectors.joining(", ")));
    }

    /**
     * @param beacon an accepted beacon
     * @return its key, {@code null} for none or where the beacon lacks what the key is made of
     */
    String of(Beacon beacon) {
        return switch (this) {
            case NONE -> null;
            case ENDPOINT -> beacon.endpoint();
            case CLIENT_ADDRESS -> beacon.clientAddress().orElse(null);
            case ORIGIN -> beacon.origin().orElse(null);
        };
    }

    private String setting() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
