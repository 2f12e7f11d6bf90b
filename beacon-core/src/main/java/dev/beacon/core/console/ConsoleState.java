package dev.beacon.core.console;

import dev.beacon.core.console.FaultHistory.TopFault;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the console shows at one time, written as the JSON its page reads.
 *
 * @param now when
 * @param tick how long each interval of the rates lasts
 * @param intervals what was accepted and refused in each interval of the last hour, oldest first, the last one still running
 * @param rollupWindow how long a report window lasts; zero where reports are not rolled up
 * @param top the most reported faults of the last windows
 */
record ConsoleState(Instant now, Duration tick, List<CounterHistory.Interval> intervals, Duration rollupWindow, FaultHistory.Top top) {

    /** How many faults the console lists. */
    static final int TOP_FAULTS = 10;

    /**
     * @param to where the JSON goes; left open
     */
    void writeJson(Writer to) {
        try (JsonGenerator json = Json.createGenerator(new Unclosed(to))) {
            json.writeStartObject()
                    .write("now", now.toEpochMilli())
                    .write("tickSeconds", tick.toSeconds())
                    .write("rollupWindowSeconds", rollupWindow.toSeconds());
            json.writeStartArray("intervals");
            for (CounterHistory.Interval interval : intervals) {
                json.writeStartObject().write("end", interval.end().toEpochMilli()).write("accepted", interval.accepted());
                json.writeStartObject("refused");
                for (Map.Entry<Integer, Long> refused : interval.refused().entrySet()) {
                    json.write(String.valueOf(refused.getKey()), refused.getValue());
                }
                json.writeEnd().writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("windowEnds");
            top.windowEnds().forEach(end -> json.write(end.toEpochMilli()));
            json.writeEnd();
            json.writeStartArray("faults");
            for (TopFault fault : top.faults()) {
                json.writeStartObject()
                        .write("endpoint", fault.fault().endpoint())
                        .write("fingerprint", fault.fault().fingerprint())
                        .write("type", fault.fault().type())
                        .write("description", fault.fault().description())
                        .write("total", fault.total());
                json.writeStartArray("perWindow");
                for (long count : fault.perWindow()) {
                    json.write(count);
                }
                json.writeEnd().writeEnd();
            }
            json.writeEnd().writeEnd();
        }
    }

    /** Leaves the response's writer to the container, which closes it. */
    private static final class Unclosed extends FilterWriter {

        Unclosed(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
