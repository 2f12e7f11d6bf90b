package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README is short and links to {@code docs/} for the rest: every page there is linked from it, and every link of
 * the project's Markdown pages leads to a file that exists and, where it names a heading, to a heading the page has.
 */
class DocsLinksTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    /** A Markdown link or image, outside code: {@code [text](target)}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern FENCED = Pattern.compile("(?ms)^ *```.*?^ *```");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    private static List<Path> pages;

    @BeforeAll
    static void findPages() throws IOException {
        pages = new ArrayList<>();
        try (Stream<Path> root = Files.list(PROJECT); Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            Stream.concat(root, docs).filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
    }

    @Test
    void everyPageOfDocsIsLinkedFromTheReadme() throws IOException {
        Set<Path> linked = linksOf(PROJECT.resolve("README.md")).stream().map(link -> fileOf(PROJECT.resolve("README.md"), link))
                .collect(Collectors.toSet());

        List<Path> unlinked = pages.stream().filter(page -> page.getParent().endsWith("docs") && !linked.contains(page)).toList();

        assertEquals(List.of(), unlinked);
    }

    @Test
    void everyLinkLeadsToAFileAndAHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            for (String link : linksOf(page)) {
                Path file = fileOf(page, link);
                if (!Files.exists(file)) {
                    broken.add(PROJECT.relativize(page) + ": " + link + " (no such file)");
                } else if (link.contains("#") && file.toString().endsWith(".md") && !anchorsOf(file).contains(link.substring(link.indexOf('#') + 1))) {
                    broken.add(PROJECT.relativize(page) + ": " + link + " (no such heading; it has " + anchorsOf(file) + ")");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /** @return the page's links to the project's own files, or to its own headings, outside code */
    private static List<String> linksOf(Path page) throws IOException {
        Matcher link = LINK.matcher(FENCED.matcher(Files.readString(page)).replaceAll(""));
        List<String> links = new ArrayList<>();
        while (link.find()) {
            String target = link.group(1);
            if (!target.matches("^[a-z]+:.*")) {
                links.add(target);
            }
        }
        return links;
    }

    private static Path fileOf(Path page, String link) {
        String file = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
        return file.isEmpty() ? page : page.getParent().resolve(file).normalize();
    }

    /** @return the anchors a page's headings get where Markdown is rendered: lower case, punctuation dropped, spaces as hyphens */
    private static Set<String> anchorsOf(Path page) throws IOException {
        Matcher heading = HEADING.matcher(FENCED.matcher(Files.readString(page)).replaceAll(""));
        Set<String> anchors = new TreeSet<>();
        while (heading.find()) {
            anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
