package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantChangeMessagesTest {
  private final UUID origin = UUID.randomUUID();

  @Test
  void messageRoundTrips() {
    ChangedTenantNames names =
        new ChangedTenantNames(
            Set.of(new TenantId(UUID.randomUUID())),
            Set.of(Slug.of("acme"), Slug.of("acme-2")),
            Set.of(HostName.parse("acme.example.com")));

    List<String> payloads = TenantChangeMessages.encode(origin, names);

    assertThat(payloads).hasSize(1);
    TenantChangeMessages.Message message =
        TenantChangeMessages.decode(payloads.get(0)).orElseThrow();
    assertThat(message.origin()).isEqualTo(origin);
    assertThat(message.names()).isEqualTo(names);
  }

  @Test
  void manyHostNamesAreSplitIntoPayloadsPostgresAccepts() {
    Set<HostName> hosts = new HashSet<>();
    for (int i = 0; i < 64; i++) {
      hosts.add(HostName.parse("h" + i + "-" + "a".repeat(55) + "." + "b".repeat(60) + ".example"));
    }
    ChangedTenantNames names =
        new ChangedTenantNames(
            Set.of(new TenantId(UUID.randomUUID())), Set.of(Slug.of("acme")), hosts);

    List<String> payloads = TenantChangeMessages.encode(origin, names);

    assertThat(payloads).hasSizeGreaterThan(1);
    Set<HostName> received = new HashSet<>();
    for (String payload : payloads) {
      assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000);
      received.addAll(TenantChangeMessages.decode(payload).orElseThrow().names().hosts());
    }
    assertThat(received).isEqualTo(hosts);
  }

  @Test
  void noNamesGiveNoPayload() {
    ChangedTenantNames none = new ChangedTenantNames(Set.of(), Set.of(), Set.of());

    assertThat(TenantChangeMessages.encode(origin, none)).isEmpty();
  }

  @Test
  void unreadablePayloadsDecodeToNothing() {
    String header = "rustok-tenant-change 1 " + origin;

    assertThat(TenantChangeMessages.decode("garbage")).isEmpty();
    assertThat(TenantChangeMessages.decode("rustok-tenant-change 1 not-a-uuid")).isEmpty();
    assertThat(TenantChangeMessages.decode(header + "\nslug Not A Slug")).isEmpty();
    assertThat(TenantChangeMessages.decode(header + "\nhost 10.0.0.1")).isEmpty();
    assertThat(TenantChangeMessages.decode(header + "\ncolour blue")).isEmpty();
    assertThat(TenantChangeMessages.decode("rustok-tenant-change 2 " + origin)).isEmpty();
  }
}
