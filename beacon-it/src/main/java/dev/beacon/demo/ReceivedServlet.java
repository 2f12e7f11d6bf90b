package dev.beacon.demo;

import dev.beacon.Beacon;
import dev.beacon.BeaconForm;
import dev.beacon.MalformedBeaconException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code GET /received}: the beacons the demo's {@code @Observes Beacon} observer received, oldest
 * first, as JSON ({@code /received/async} and {@code /received/csp} for the other observers), with the
 * names of the cookies each carried but never their values; {@code DELETE /received} empties them all.
 */
@WebServlet("/received/*")
public class ReceivedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReceivedBeacons received;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String log = Optional.ofNullable(request.getPathInfo()).map(path -> path.substring(1)).orElse("all");
        String api = request.getContextPath() + "/api/";
        JsonArrayBuilder items = Json.createArrayBuilder();
        received.log(log).forEach(beacon -> items.add(toJson(beacon, beacon.path().startsWith(api) ? "jaxrs" : "filter")));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(items.build().toString());
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
        received.clear();
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static JsonObjectBuilder toJson(Beacon beacon, String via) {
        JsonObjectBuilder item = Json.createObjectBuilder()
                .add("endpoint", beacon.endpoint())
                .add("via", via)
                .add("path", beacon.path())
                .add("bytes", beacon.size())
                .add("receivedAt", beacon.receivedAt().toString());
        nullable(item, "id", beacon.id());
        nullable(item, "contentType", beacon.contentType().map(Object::toString));
        nullable(item, "text", readable(beacon::text));
        nullable(item, "origin", beacon.origin());
        nullable(item, "referer", beacon.referer());
        nullable(item, "userAgent", beacon.userAgent());
        nullable(item, "secFetchSite", beacon.secFetchSite());
        nullable(item, "secFetchMode", beacon.secFetchMode());
        nullable(item, "priority", beacon.priority());
        nullable(item, "clientAddress", beacon.clientAddress());
        // Names only: the values are the sender's session, and this page shows them to anyone who asks.
        item.add("cookies", Json.createArrayBuilder(new TreeSet<>(beacon.cookies().keySet())));
        try {
            beacon.json().ifPresent(json -> item.add("json", json));
            beacon.form().ifPresent(form -> item.add("form", formJson(form)));
        } catch (MalformedBeaconException e) {
            item.add("malformed", e.getMessage());
        }
        return item;
    }

    private static JsonObjectBuilder formJson(BeaconForm form) {
        JsonObjectBuilder fields = Json.createObjectBuilder();
        form.fields().forEach((name, values) -> fields.add(name, Json.createArrayBuilder(values)));
        JsonArrayBuilder files = Json.createArrayBuilder();
        form.files().forEach(file -> files.add(Json.createObjectBuilder()
                .add("name", file.name())
                .add("filename", file.filename())
                .add("contentType", file.contentType().map(Object::toString).orElse(""))
                .add("bytes", file.size())));
        return Json.createObjectBuilder().add("fields", fields).add("files", files);
    }

    private static Optional<String> readable(Supplier<String> text) {
        try {
            return Optional.of(text.get());
        } catch (MalformedBeaconException e) {
            return Optional.empty();
        }
    }

    private static void nullable(JsonObjectBuilder item, String name, Optional<String> value) {
        if (value.isPresent()) {
            item.add(name, value.get());
        } else {
            item.addNull(name);
        }
    }
}
