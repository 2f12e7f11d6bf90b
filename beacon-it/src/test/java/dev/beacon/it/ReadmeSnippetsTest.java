package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every Java snippet of the README and of {@code docs/} compiles as copied: a snippet that no longer does fails the build. */
class ReadmeSnippetsTest {

    @Test
    void everyJavaSnippetCompilesAsCopiedWithoutWarnings() throws Exception {
        List<ReadmeSnippets.Snippet> snippets = ReadmeSnippets.of(Path.of("..").toAbsolutePath().normalize());
        Path into = Files.createTempDirectory("readme-snippets");

        List<String> errors = ReadmeSnippets.compile(snippets, into);

        assertTrue(snippets.size() >= 5, () -> "Fewer snippets than the README has: " + snippets);
        assertEquals(List.of(), errors);
    }
}
