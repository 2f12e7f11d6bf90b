package dev.beacon.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folders a test starts a server in, under {@code target}: emptied of an earlier run's files first.
 */
public final class Folders {

    private Folders() {
    }

    /**
     * @param folder a folder of the test's own; nothing happens when it does not exist
     * @throws IOException when a file in it cannot be deleted
     */
    public static void deleteIfExists(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) { // a folder after what it holds
                Files.delete(file);
            }
        }
    }
}
