package io.rustok.core.domain.outbox;

import io.rustok.core.domain.shared.Require;
import java.util.UUID;

/**
 * Proof that one claim holds a stored event. Completing, failing or rescheduling an event succeeds
 * only with the token of its current claim, so a relay whose lease ran out cannot overwrite what
 * another relay did since.
 */
public record ClaimToken(UUID value) {
  public ClaimToken {
    Require.notNull(value, "value");
  }

  public static ClaimToken random() {
    return new ClaimToken(UUID.randomUUID());
  }
}
