package io.rustok.core.bootstrap;

/** A setting has a value the service cannot use; the message names the variable and the fix. */
public final class ConfigurationException extends RuntimeException {
  public ConfigurationException(String message) {
    super(message);
  }
}
