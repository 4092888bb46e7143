package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTenantListenerIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  private final UUID listenerInstance = UUID.randomUUID();
  private final List<ChangedTenantNames> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger missed = new AtomicInteger();
  private PostgresTenantListener listener;

  @BeforeEach
  void listen() throws InterruptedException {
    listener =
        PostgresTenantListener.start(
            PostgresConfig.of(db.jdbcUrl()),
            listenerInstance,
            new PostgresTenantListener.Subscriber() {
              @Override
              public void tenantsChanged(ChangedTenantNames names) {
                received.add(names);
              }

              @Override
              public void changesMissed() {
                missed.incrementAndGet();
              }
            },
            Duration.ofMillis(50),
            Duration.ofMillis(400));
    assertThat(listener.awaitSubscribed(Duration.ofSeconds(10))).isTrue();
  }

  @AfterEach
  void stop() {
    listener.close();
  }

  @Test
  void firstSubscriptionReportsMissedChanges() {
    assertThat(missed.get()).isEqualTo(1);
  }

  @Test
  void changeFromOtherInstanceArrives() {
    ChangedTenantNames names = names("acme", "acme.example.com");

    new PostgresTenantNotifier(db.dataSource(), UUID.randomUUID()).announce(names);

    await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(names));
  }

  @Test
  void ownChangeIsSkipped() {
    ChangedTenantNames own = names("own", "own.example.com");
    ChangedTenantNames other = names("other", "other.example.com");

    new PostgresTenantNotifier(db.dataSource(), listenerInstance).announce(own);
    new PostgresTenantNotifier(db.dataSource(), UUID.randomUUID()).announce(other);

    await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(other));
    assertThat(received).containsExactly(other);
  }

  @Test
  void largeChangeArrivesInParts() {
    Set<HostName> hosts = new HashSet<>();
    for (int i = 0; i < 64; i++) {
      hosts.add(HostName.parse("h" + i + "-" + "a".repeat(55) + "." + "b".repeat(60) + ".example"));
    }
    ChangedTenantNames names =
        new ChangedTenantNames(
            Set.of(new TenantId(UUID.randomUUID())), Set.of(Slug.of("big")), hosts);

    new PostgresTenantNotifier(db.dataSource(), UUID.randomUUID()).announce(names);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                received.stream()
                    .flatMap(part -> part.hosts().stream())
                    .collect(java.util.stream.Collectors.toSet())
                    .equals(hosts));
  }

  @Test
  void unreadableMessageReportsMissedChanges() {
    db.dsl().execute("select pg_notify('rustok_tenant_changes', 'garbage')");

    await().atMost(Duration.ofSeconds(10)).until(() -> missed.get() == 2);
    assertThat(received).isEmpty();
  }

  @Test
  void lostConnectionIsReplacedAndReportsMissedChanges() {
    int terminated =
        db.dsl()
            .fetchOne(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                    + " where application_name = ? and datname = current_database()",
                PostgresTenantListener.APPLICATION_NAME)
            .get(0, Integer.class);

    await().atMost(Duration.ofSeconds(10)).until(() -> missed.get() == 2);
    ChangedTenantNames names = names("after", "after.example.com");
    new PostgresTenantNotifier(db.dataSource(), UUID.randomUUID()).announce(names);

    assertThat(terminated).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(names));
  }

  private static ChangedTenantNames names(String slug, String host) {
    return new ChangedTenantNames(
        Set.of(new TenantId(UUID.randomUUID())),
        Set.of(Slug.of(slug)),
        Set.of(HostName.parse(host)));
  }
}
