package io.rustok.core.domain.content;

import io.rustok.core.domain.shared.ValidationException;
import java.util.Locale;

/** Publication state of a node. */
public enum NodeStatus {
  DRAFT,
  PUBLISHED;

  /** Returns the lowercase name used in events and over HTTP. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static NodeStatus parse(String text, String field) {
    for (NodeStatus status : values()) {
      if (status.wireName().equals(text)) {
        return status;
      }
    }
    throw new ValidationException(field, "must be draft or published");
  }
}
