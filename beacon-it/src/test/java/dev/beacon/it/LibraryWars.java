package dev.beacon.it;

import java.io.File;
import java.util.Map;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Small applications as a newcomer makes them: a few classes, the library's jars, and settings in {@code web.xml}. */
final class LibraryWars {

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                     version="6.0">
            %s</web-app>
            """;

    private LibraryWars() {
    }

    /**
     * @param war the application
     * @param jars the library jars to add, by the start of their names, e.g. {@code beacon-servlet-}
     * @return the application with those jars exactly as the build packaged them into the demo WAR
     */
    static WebArchive withLibraryJars(WebArchive war, String... jars) {
        WebArchive demo = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("beacon.war")));
        for (String jar : jars) {
            Map<ArchivePath, Node> found = demo.getContent(path -> path.get().startsWith("/WEB-INF/lib/" + jar));
            if (found.size() != 1) {
                throw new IllegalStateException("Expected one " + jar + "*.jar in " + System.getProperty("beacon.war") + ", found " + found.keySet());
            }
            Node node = found.values().iterator().next();
            war.addAsLibrary(node.getAsset(), node.getPath().get().substring("/WEB-INF/lib/".length()));
        }
        return war;
    }

    /**
     * @param namesAndValues setting names, each followed by its value
     * @return a {@code web.xml} that sets them as context parameters
     */
    static StringAsset webXml(String... namesAndValues) {
        StringBuilder parameters = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.append("    <context-param><param-name>").append(namesAndValues[i]).append("</param-name><param-value>")
                    .append(namesAndValues[i + 1]).append("</param-value></context-param>\n");
        }
        return new StringAsset(WEB_XML.formatted(parameters));
    }
}
