package dev.beacon.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The Java snippets of the README and of {@code docs/}, as a reader copies them: each a whole source file, with its
 * package and imports, compiled together against the library's jars and the Jakarta EE APIs, as a reader's WAR would be.
 */
final class ReadmeSnippets {

    private static final String FENCE = "(?m)^( *)```%s\\n(.*?)^\\1```";
    private static final Pattern TYPE = Pattern.compile("(?m)^public (?:final |abstract )?(?:class|record|interface|enum) (\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    /** The library's jars (or the reactor's classes of them), not their test jars; the Jakarta APIs; Kafka's client. */
    private static final Pattern APPLICATION_CLASS_PATH = Pattern.compile("/beacon-(api|core|servlet|jaxrs|kafka)(/target/classes/?|-[\\d.]+(-SNAPSHOT)?\\.jar)$"
            + "|/jakarta\\.[\\w.-]+-api-[^/]+\\.jar$|/kafka-clients-[\\d.]+\\.jar$");

    private ReadmeSnippets() {
    }

    /** One snippet: where it is, and its source as a reader copies it. */
    record Snippet(String where, String source) {

        /** @return the source file's path under a source root, from its package and its public type */
        String path() {
            Matcher type = TYPE.matcher(source);
            if (!type.find()) {
                throw new IllegalStateException(where + ": a snippet is a whole source file, with one public type; this one has none:\n" + source);
            }
            Matcher pkg = PACKAGE.matcher(source);
            return (pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "") + type.group(1) + ".java";
        }
    }

    /**
     * @param project the project's root folder
     * @return every Java snippet of {@code README.md} and {@code docs/*.md}, in order
     */
    static List<Snippet> of(Path project) throws IOException {
        return of(project, "java");
    }

    /**
     * @param project the project's root folder
     * @param language the language the fences name, e.g. {@code html}
     * @return every snippet in that language of {@code README.md} and {@code docs/*.md}, in order
     */
    static List<Snippet> of(Path project, String language) throws IOException {
        Pattern fences = Pattern.compile(FENCE.formatted(Pattern.quote(language)), Pattern.DOTALL);
        List<Path> pages = new ArrayList<>(List.of(project.resolve("README.md")));
        try (Stream<Path> docs = Files.list(project.resolve("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Snippet> snippets = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            Matcher fence = fences.matcher(text);
            while (fence.find()) {
                int line = (int) text.substring(0, fence.start()).lines().count() + 1;
                String indent = fence.group(1);
                String source = fence.group(2).lines().map(row -> row.startsWith(indent) ? row.substring(indent.length()) : row)
                        .reduce("", (all, row) -> all + row + "\n");
                snippets.add(new Snippet(project.relativize(page) + ":" + line, source));
            }
        }
        return snippets;
    }

    /**
     * Compiles the snippets together, as one application's sources, against what an application has: the library's
     * jars, the Jakarta EE APIs and {@code kafka-clients}, which {@code beacon-kafka} brings; not the tests' own.
     *
     * @param snippets the snippets
     * @param into where their sources and classes go
     * @return the compiler's errors, each naming the snippet; none when they all compile
     */
    static List<String> compile(List<Snippet> snippets, Path into) throws IOException {
        Path sources = into.resolve("sources");
        Path classes = Files.createDirectories(into.resolve("classes"));
        Map<URI, String> whereOf = new HashMap<>();
        for (Snippet snippet : snippets) {
            Path file = sources.resolve(snippet.path());
            Files.createDirectories(file.getParent());
            Files.writeString(file, snippet.source(), StandardCharsets.UTF_8);
            whereOf.put(file.toUri(), snippet.where());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            compiler.getTask(null, fileManager, diagnostics,
                    List.of("-d", classes.toString(), "-classpath", applicationClassPath(), "--release", "17", "-Xlint:all,-processing"),
                    null, fileManager.getJavaFileObjectsFromPaths(whereOf.keySet().stream().map(Path::of).toList())).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR || diagnostic.getKind() == Diagnostic.Kind.WARNING
                    || diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
                String where = diagnostic.getSource() == null ? "the snippets" : whereOf.get(diagnostic.getSource().toUri());
                errors.add(where + " (line " + diagnostic.getLineNumber() + " of the snippet): " + diagnostic.getMessage(null));
            }
        }
        return errors;
    }

    /** The entries of this test's class path that an application's code sees: the library's, the APIs', Kafka's client. */
    private static String applicationClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> APPLICATION_CLASS_PATH.matcher(entry.replace('\\', '/')).find())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
