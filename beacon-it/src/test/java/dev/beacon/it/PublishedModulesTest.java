package dev.beacon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM keeps the published jars together: it lists each of them, and nothing that is never published, at the
 * parent's version and output timestamp, and, having no parent, carries the same metadata that the build requires of
 * every published POM ({@code release-metadata} in the parent checks the others).
 */
class PublishedModulesTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> METADATA = List.of("url", "licenses", "developers", "scm");

    private static Element parent;
    private static Element bom;

    @BeforeAll
    static void readPoms() throws Exception {
        parent = pom(PROJECT.resolve("pom.xml"));
        bom = pom(PROJECT.resolve("beacon-bom/pom.xml"));
    }

    @Test
    void theBomListsEveryPublishedJarAndNothingElse() throws Exception {
        TreeSet<String> publishedJars = new TreeSet<>();
        for (String module : texts(child(parent, "modules"), "module")) {
            Element pom = pom(PROJECT.resolve(module).resolve("pom.xml"));
            boolean unpublished = child(pom, "properties") != null && "true".equals(text(child(pom, "properties"), "beacon.unpublished"));
            if (!unpublished && !"pom".equals(text(pom, "packaging"))) {
                publishedJars.add(text(pom, "artifactId"));
            }
        }

        TreeSet<String> listed = new TreeSet<>();
        NodeList dependencies = child(child(bom, "dependencyManagement"), "dependencies").getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertEquals("${project.version}", text(dependency, "version"), text(dependency, "artifactId"));
            listed.add(text(dependency, "artifactId"));
        }

        assertEquals(publishedJars, listed);
    }

    @Test
    void theBomIsAtTheParentsVersionAndOutputTimestamp() {
        assertEquals(text(parent, "version"), text(bom, "version"));
        assertEquals(text(parent, "groupId"), text(bom, "groupId"));
        assertEquals(text(child(parent, "properties"), "project.build.outputTimestamp"),
                text(child(bom, "properties"), "project.build.outputTimestamp"));
    }

    @Test
    void theBomCarriesTheParentsUrlLicenceDevelopersAndScm() {
        for (String element : METADATA) {
            assertEquals(child(parent, element).getTextContent().strip(), child(bom, element).getTextContent().strip(), element);
        }
    }

    private static Element pom(Path file) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    /** @return the element's direct children of that name, in order */
    private static List<Element> children(Element element, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                children.add(child);
            }
        }
        return children;
    }

    /** @return the element's first direct child of that name, {@code null} when it has none */
    private static Element child(Element element, String name) {
        List<Element> children = children(element, name);
        return children.isEmpty() ? null : children.get(0);
    }

    private static String text(Element element, String name) {
        Element child = child(element, name);
        return child == null ? null : child.getTextContent().strip();
    }

    private static List<String> texts(Element element, String name) {
        return children(element, name).stream().map(child -> child.getTextContent().strip()).toList();
    }
}
