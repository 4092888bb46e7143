package io.rustok.core.testing;

import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.shared.UuidV7;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.TenantId;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Values that no other call returns, in this JVM or in an earlier test run against the same
 * database: a random tag chosen once per JVM plus a counter. Tests that share a store stay
 * independent when each takes its slugs, host names and ids from here.
 *
 * <p>Ids are UUID version 7 from one generator on the system clock, so ids made later sort after
 * ids made earlier.
 */
public final class Unique {
  private static final String RUN_TAG = randomTag();
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final UuidV7 IDS = new UuidV7();

  private Unique() {}

  /** Returns a slug such as {@code tenant-k3v9q-17}. */
  public static Slug slug(String prefix) {
    return Slug.of(text(prefix));
  }

  public static Slug slug() {
    return slug("slug");
  }

  /** Returns a host name such as {@code site-k3v9q-18.example.test}, under a reserved domain. */
  public static HostName hostName(String prefix) {
    return HostName.parse(text(prefix) + ".example.test");
  }

  public static HostName hostName() {
    return hostName("site");
  }

  /**
   * Returns text such as {@code prefix-k3v9q-19}; with a slug-shaped prefix, the result is a valid
   * slug too.
   */
  public static String text(String prefix) {
    return prefix + "-" + RUN_TAG + "-" + COUNTER.incrementAndGet();
  }

  public static UUID id() {
    return IDS.newId();
  }

  public static TenantId tenantId() {
    return new TenantId(id());
  }

  public static NodeId nodeId() {
    return new NodeId(id());
  }

  public static EventId eventId() {
    return new EventId(id());
  }

  public static ActorId actorId() {
    return new ActorId(id());
  }

  /** Returns five random base-36 digits; the smallest such number is 36^4 = 1,679,616. */
  private static String randomTag() {
    int smallest = 1_679_616;
    int count = 36 * smallest - smallest;
    return Integer.toString(smallest + new SecureRandom().nextInt(count), 36);
  }
}
