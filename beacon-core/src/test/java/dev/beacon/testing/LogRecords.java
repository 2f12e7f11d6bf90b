package dev.beacon.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * What the loggers of some classes wrote while a test ran; close it to stop listening.
 */
public final class LogRecords extends Handler implements AutoCloseable {

    private final List<Logger> loggers;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogRecords(List<Logger> loggers) {
        this.loggers = loggers;
        loggers.forEach(logger -> logger.addHandler(this));
    }

    public static LogRecords of(Class<?>... loggingClasses) {
        return new LogRecords(Stream.of(loggingClasses).map(type -> Logger.getLogger(type.getName())).toList());
    }

    /** @return the messages logged at {@code level}, unformatted */
    public List<String> at(Level level) {
        return records.stream().filter(record -> record.getLevel() == level).map(LogRecord::getMessage).toList();
    }

    /**
     * @return whether a message containing {@code fragment} was logged at {@code level} within the timeout
     */
    public boolean await(Level level, String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (records) {
            while (at(level).stream().noneMatch(message -> message.contains(fragment))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(records, left);
            }
            return true;
        }
    }

    @Override
    public void publish(LogRecord record) {
        synchronized (records) {
            records.add(record);
            records.notifyAll();
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        loggers.forEach(logger -> logger.removeHandler(this));
    }

    @Override
    public String toString() {
        return records.stream().map(record -> record.getLevel() + " " + record.getMessage()).toList().toString();
    }
}
