package io.rustok.core.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the service: reads the environment, wires everything by hand, and serves HTTP and runs the
 * relay until SIGTERM or SIGINT, when a shutdown hook stops both in order.
 */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    // jOOQ logs a banner and tips on first use unless these properties turn them off.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    ServiceConfig config;
    try {
      config = ServiceConfig.fromEnvironment(System.getenv());
    } catch (ConfigurationException e) {
      log.error("Invalid configuration: {}", e.getMessage());
      System.exit(2);
      return;
    }

    Service service;
    try {
      service = Service.start(config);
    } catch (RuntimeException e) {
      // The cause chain names what failed (a port in use, a database that does not respond)
      // without a stack trace that buries it; DEBUG shows the trace.
      log.error("Service failed to start: {}", describe(e));
      log.debug("Start-up failure", e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "shutdown"));
  }

  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && !text.toString().contains(message)) {
        text.append(text.isEmpty() ? "" : ": caused by ").append(message);
      }
    }
    return text.isEmpty() ? failure.getClass().getSimpleName() : text.toString();
  }
}
