package io.rustok.core.domain.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Type name and current schema version of an event record: the one place where both are declared.
 *
 * <p>Bump {@link #version} whenever the record's fields change in name, type or meaning; see {@code
 * docs/events.md} for the policy.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventSchema {
  /** Dotted lowercase type name, for example {@code node.created}. */
  String type();

  /** Current schema version, starting at 1. */
  int version();
}
