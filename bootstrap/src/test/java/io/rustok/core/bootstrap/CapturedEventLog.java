package io.rustok.core.bootstrap;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Lines that {@link LogEventTransport} writes to the {@code rustok.events} logger while it is
 * attached, collected for a test.
 */
final class CapturedEventLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger("rustok.events");

  private CapturedEventLog() {}

  static CapturedEventLog attach() {
    CapturedEventLog log = new CapturedEventLog();
    log.setContext(log.logger.getLoggerContext());
    log.start();
    log.logger.addAppender(log);
    return log;
  }

  @Override
  protected void append(ILoggingEvent event) {
    lines.add(event.getFormattedMessage());
  }

  /** Returns the lines written so far, oldest first. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  /** Waits up to ten seconds for a line that contains {@code text} and returns it. */
  String awaitLineContaining(String text) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> lines.stream().filter(line -> line.contains(text)).findFirst().orElse(null),
            line -> line != null);
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    stop();
  }
}
