package dev.beacon.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} lists every setting the library reads, one row each, and no setting it does not:
 * a reader who sets what the page says is never told at deployment that it is no setting.
 */
class ConfigurationDocsTest {

    private static final Path PAGE = Path.of("..", "docs", "configuration.md");
    /** A table row's first cell: the setting's name. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `(beacon\\.[^`]+)` \\|");

    @Test
    void everySettingHasARowAndEveryRowIsASetting() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(Files.readString(PAGE));
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertEquals(new TreeSet<>(BeaconConfig.NAMES), documented);
    }
}
