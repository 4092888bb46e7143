package io.rustok.core.adapters.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Collects the events that reach the root logger while it is open. The root level of the tests is
 * WARN, so only WARN and ERROR events arrive.
 */
final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  private CapturedLogs() {}

  static CapturedLogs open() {
    CapturedLogs logs = new CapturedLogs();
    logs.setContext(logs.root.getLoggerContext());
    logs.start();
    logs.root.addAppender(logs);
    return logs;
  }

  @Override
  protected void append(ILoggingEvent event) {
    events.add(event);
  }

  /** Returns the formatted messages of the ERROR events and of the events with a stack trace. */
  List<String> errorsAndStackTraces() {
    return events.stream()
        .filter(event -> event.getLevel() == Level.ERROR || event.getThrowableProxy() != null)
        .map(event -> event.getLevel() + " " + event.getFormattedMessage())
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
