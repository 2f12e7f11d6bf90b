package dev.beacon.it.browser;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Browser} driven over WebDriver BiDi alone: one session, the tab in use, and the console
 * entries the session has seen.
 */
final class BidiBrowser implements Browser, AutoCloseable {

    /** Runs a function body with a callback as its last argument, and resolves with what it is called with. */
    private static final String ASYNC = "function() {"
            + " const args = Array.from(arguments);"
            + " return new Promise((resolve, reject) => {"
            + "  args.push(resolve);"
            + "  try { (function() { %s }).apply(this, args); } catch (e) { reject(e); }"
            + " });"
            + "}";

    private final BidiConnection connection;
    private final List<String> console;
    private final String name;
    private String tab;

    private BidiBrowser(BidiConnection connection, List<String> console) {
        this.connection = connection;
        this.console = console;
        JsonObject capabilities = connection.send("session.new", object("capabilities", Json.createObjectBuilder()
                // The servers' HTTPS certificates are self-signed.
                .add("alwaysMatch", Json.createObjectBuilder().add("acceptInsecureCerts", true)).build())).getJsonObject("capabilities");
        this.name = capabilities.getString("browserName") + " " + capabilities.getString("browserVersion");
        connection.send("session.subscribe", object("events", Json.createArrayBuilder().add("log.entryAdded").build()));
        this.tab = firstTab();
    }

    /** @param address the browser's BiDi session address, {@code ws://HOST:PORT/session} */
    static BidiBrowser connect(URI address) throws IOException {
        List<String> console = new CopyOnWriteArrayList<>();
        BidiConnection connection = BidiConnection.open(address, event -> {
            if ("log.entryAdded".equals(event.getString("method", ""))) {
                JsonObject entry = event.getJsonObject("params");
                console.add(entry.getString("level", "") + " " + entry.getString("text", ""));
            }
        });
        return new BidiBrowser(connection, console);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void open(URI page) {
        connection.send("browsingContext.navigate", Json.createObjectBuilder()
                .add("context", tab).add("url", page.toString()).add("wait", "complete").build());
    }

    @Override
    public String url() {
        return connection.send("browsingContext.getTree", Json.createObjectBuilder().add("root", tab).add("maxDepth", 0).build())
                .getJsonArray("contexts").getJsonObject(0).getString("url");
    }

    @Override
    public Object run(String script, Object... arguments) {
        return call("function() { " + script + " }", values(arguments));
    }

    @Override
    public Object runAsync(String script, Object... arguments) {
        return call(ASYNC.formatted(script), values(arguments));
    }

    @Override
    public void click(String xpath) {
        JsonObject element = element(xpath);
        call("function(element) { element.scrollIntoView({block: 'center'}); }", Json.createArrayBuilder().add(element).build());
        JsonObject origin = Json.createObjectBuilder().add("type", "element").add("element", element).build();
        JsonArray steps = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "pointerMove").add("x", 0).add("y", 0).add("origin", origin))
                .add(Json.createObjectBuilder().add("type", "pointerDown").add("button", 0))
                .add(Json.createObjectBuilder().add("type", "pointerUp").add("button", 0))
                .build();
        JsonObject mouse = Json.createObjectBuilder().add("type", "pointer").add("id", "mouse")
                .add("parameters", Json.createObjectBuilder().add("pointerType", "mouse")).add("actions", steps).build();
        connection.send("input.performActions", Json.createObjectBuilder()
                .add("context", tab).add("actions", Json.createArrayBuilder().add(mouse)).build());
    }

    @Override
    public String text(String xpath) {
        return (String) call("function(element) { return element.innerText; }", Json.createArrayBuilder().add(element(xpath)).build());
    }

    @Override
    public void openTab() {
        tab = connection.send("browsingContext.create", object("type", Json.createValue("tab"))).getString("context");
    }

    @Override
    public void closeTab() {
        connection.send("browsingContext.close", object("context", Json.createValue(tab)));
        tab = firstTab();
    }

    @Override
    public byte[] screenshot() {
        return Base64.getDecoder().decode(connection.send("browsingContext.captureScreenshot", object("context", Json.createValue(tab)))
                .getString("data"));
    }

    @Override
    public List<String> console() {
        return List.copyOf(console);
    }

    @Override
    public void close() {
        try {
            connection.send("browser.close", JsonObject.EMPTY_JSON_OBJECT);
        } finally {
            connection.close();
        }
    }

    private String firstTab() {
        return connection.send("browsingContext.getTree", object("maxDepth", Json.createValue(0)))
                .getJsonArray("contexts").getJsonObject(0).getString("context");
    }

    private JsonObject element(String xpath) {
        JsonArray nodes = connection.send("browsingContext.locateNodes", Json.createObjectBuilder()
                .add("context", tab)
                .add("locator", Json.createObjectBuilder().add("type", "xpath").add("value", xpath))
                .add("maxNodeCount", 1).build()).getJsonArray("nodes");
        if (nodes.isEmpty()) {
            throw new AssertionError("No element at " + xpath + " in " + url());
        }
        return Json.createObjectBuilder().add("sharedId", nodes.getJsonObject(0).getString("sharedId")).build();
    }

    private Object call(String function, JsonArray arguments) {
        JsonObject outcome = connection.send("script.callFunction", Json.createObjectBuilder()
                .add("functionDeclaration", function)
                .add("arguments", arguments)
                .add("target", Json.createObjectBuilder().add("context", tab))
                // As WebDriver's executeScript does: a promise returned is waited for.
                .add("awaitPromise", true)
                .add("resultOwnership", "none").build());
        if (!"success".equals(outcome.getString("type"))) {
            throw new IllegalStateException("The page's script threw: " + outcome.getJsonObject("exceptionDetails").getString("text"));
        }
        return RemoteValues.java(outcome.getJsonObject("result"));
    }

    private static JsonArray values(Object... arguments) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (Object argument : arguments) {
            values.add(RemoteValues.local(argument));
        }
        return values.build();
    }

    private static JsonObject object(String name, JsonValue value) {
        return Json.createObjectBuilder().add(name, value).build();
    }
}
