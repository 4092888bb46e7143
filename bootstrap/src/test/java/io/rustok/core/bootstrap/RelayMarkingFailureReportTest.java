package io.rustok.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import io.rustok.core.adapters.inmemory.InMemoryOutbox;
import io.rustok.core.adapters.inmemory.InMemoryUnitOfWork;
import io.rustok.core.application.outbox.RelayOutbox;
import io.rustok.core.application.outbox.RelaySettings;
import io.rustok.core.domain.outbox.OutboxStore;
import io.rustok.core.testing.EnvelopeBuilder;
import io.rustok.core.testing.MutableClock;
import io.rustok.core.testing.RecordingEventTransport;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A marking that fails while the next claim fails too: the log and the exception the relay throws
 * both report that a delivered batch was left claimed.
 */
class RelayMarkingFailureReportTest {
  private final MutableClock clock = MutableClock.create();
  private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  private final InMemoryOutbox outbox = new InMemoryOutbox(unitOfWork, clock);
  private final RecordingEventTransport transport = new RecordingEventTransport();

  @Test
  void markingFailureDuringFailedClaimIsReported() {
    append(15);
    OutboxStore store = failingSecondClaimAndFirstMarking();
    RelayOutbox relay =
        new RelayOutbox(
            store,
            transport,
            new RelaySettings(
                10,
                5,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                Duration.ofMillis(100)),
            RandomGenerator.of("L64X128MixRandom"));
    ExecutorService marker = Executors.newSingleThreadExecutor();

    RuntimeException thrown = null;
    List<String> reported = new ArrayList<>();
    try (CapturedWarnings ignored = CapturedWarnings.open()) {
      relay.drain(marker, () -> true);
    } catch (RuntimeException e) {
      thrown = e;
    } finally {
      marker.shutdownNow();
    }
    reported.addAll(CapturedWarnings.captured);
    if (thrown != null) {
      collect(thrown, reported);
    }

    assertThat(thrown).as("drain throws the claim's failure").hasMessage("claim failed");
    assertThat(transport.deliveredIds()).hasSize(10);
    assertThat(outbox.stats().pending())
        .as("the delivered batch stays claimed until its lease ends")
        .isEqualTo(15);
    assertThat(reported)
        .as("warnings logged and exceptions thrown while a delivered batch was left unmarked")
        .anySatisfy(text -> assertThat(text).contains("marking failed"));
  }

  private OutboxStore failingSecondClaimAndFirstMarking() {
    AtomicInteger claims = new AtomicInteger();
    AtomicInteger markings = new AtomicInteger();
    return (OutboxStore)
        Proxy.newProxyInstance(
            OutboxStore.class.getClassLoader(),
            new Class<?>[] {OutboxStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("claim") && claims.incrementAndGet() == 2) {
                throw new IllegalStateException("claim failed");
              }
              if (method.getName().equals("markDispatched") && markings.incrementAndGet() == 1) {
                throw new IllegalStateException("marking failed");
              }
              try {
                return method.invoke(outbox, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private void append(int count) {
    unitOfWork.execute(
        () -> {
          for (int i = 0; i < count; i++) {
            outbox.append(List.of(EnvelopeBuilder.anEnvelope().build()));
          }
          return null;
        });
  }

  /** Adds the messages of {@code failure}, its causes and its suppressed exceptions. */
  private static void collect(Throwable failure, List<String> texts) {
    texts.add(String.valueOf(failure.getMessage()));
    for (Throwable suppressed : failure.getSuppressed()) {
      collect(suppressed, texts);
    }
    if (failure.getCause() != null && failure.getCause() != failure) {
      collect(failure.getCause(), texts);
    }
  }

  /** WARN and ERROR events of every logger, with their exceptions' messages. */
  private static final class CapturedWarnings extends AppenderBase<ILoggingEvent>
      implements AutoCloseable {
    static final ConcurrentLinkedQueue<String> captured = new ConcurrentLinkedQueue<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    static CapturedWarnings open() {
      captured.clear();
      CapturedWarnings warnings = new CapturedWarnings();
      warnings.setContext(warnings.root.getLoggerContext());
      warnings.start();
      warnings.root.addAppender(warnings);
      return warnings;
    }

    @Override
    protected void append(ILoggingEvent event) {
      if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
        return;
      }
      captured.add(event.getFormattedMessage());
      for (IThrowableProxy proxy = event.getThrowableProxy();
          proxy != null;
          proxy = proxy.getCause()) {
        captured.add(String.valueOf(proxy.getMessage()));
      }
    }

    @Override
    public void close() {
      root.detachAppender(this);
      stop();
    }
  }
}
