package io.github.usersession.testing;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects the log records of usersession's loggers at every level. Surefire routes JBoss
 * Logging to java.util.logging ({@code org.jboss.logging.provider=jdk}), where this handler reads.
 */
public final class LogCapture implements AutoCloseable {

    private static final String CATEGORY = "io.github.usersession";

    private final Logger logger = Logger.getLogger(CATEGORY);
    private final Level previousLevel = logger.getLevel();
    private final Queue<LogRecord> records = new ConcurrentLinkedQueue<>();
    private final AtomicInteger debugCount = new AtomicInteger();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
            if (record.getLevel().intValue() == Level.FINE.intValue()) {
                debugCount.incrementAndGet();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public LogCapture() {
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** Returns the formatted messages, with the text of any attached exception. */
    public List<String> messages() {
        return records.stream()
                .map(LogCapture::format)
                .toList();
    }

    /** Returns the formatted messages logged at DEBUG, which java.util.logging ranks as FINE. */
    public List<String> debugMessages() {
        return records.stream().filter(record -> record.getLevel().intValue() == Level.FINE.intValue()).map(LogCapture::format).toList();
    }

    /** Returns how many records were logged at DEBUG so far. */
    public int debugCount() {
        return debugCount.get();
    }

    public void clear() {
        records.clear();
    }

    private static String format(LogRecord record) {
        String message = new java.util.logging.SimpleFormatter().formatMessage(record);
        return record.getThrown() == null ? message : message + " " + record.getThrown();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
    }
}
