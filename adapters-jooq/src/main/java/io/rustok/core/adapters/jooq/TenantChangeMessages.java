package io.rustok.core.adapters.jooq;

import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.shared.ValidationException;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The text of tenant change notifications on {@value #CHANNEL}: a first line {@code
 * rustok-tenant-change 1 <instance id>}, then one line per name, {@code id <uuid>}, {@code slug
 * <slug>} or {@code host <host name>}.
 *
 * <p>PostgreSQL refuses a payload of 8000 bytes or more, so a change with many host names is split
 * into several messages of at most {@value #MAX_PAYLOAD_CHARS} characters, all ASCII. Each one is
 * complete on its own, so a receiver needs no reassembly.
 */
final class TenantChangeMessages {
  static final String CHANNEL = "rustok_tenant_changes";
  static final int MAX_PAYLOAD_CHARS = 7000;
  private static final String HEADER = "rustok-tenant-change 1 ";

  /** One decoded message: the instance that sent it and the names it lists. */
  record Message(UUID origin, ChangedTenantNames names) {}

  private TenantChangeMessages() {}

  static List<String> encode(UUID origin, ChangedTenantNames names) {
    List<String> lines = new ArrayList<>();
    names.ids().forEach(id -> lines.add("id " + id));
    names.slugs().forEach(slug -> lines.add("slug " + slug.value()));
    names.hosts().forEach(host -> lines.add("host " + host.value()));

    List<String> payloads = new ArrayList<>();
    StringBuilder payload = new StringBuilder(HEADER).append(origin);
    int namesInPayload = 0;
    for (String line : lines) {
      if (namesInPayload > 0 && payload.length() + 1 + line.length() > MAX_PAYLOAD_CHARS) {
        payloads.add(payload.toString());
        payload = new StringBuilder(HEADER).append(origin);
        namesInPayload = 0;
      }
      payload.append('\n').append(line);
      namesInPayload++;
    }
    if (namesInPayload > 0) {
      payloads.add(payload.toString());
    }
    return payloads;
  }

  /** Returns the message, or empty if the payload is not one this version can read. */
  static Optional<Message> decode(String payload) {
    String[] lines = payload.split("\n", -1);
    if (!lines[0].startsWith(HEADER)) {
      return Optional.empty();
    }
    try {
      UUID origin = UUID.fromString(lines[0].substring(HEADER.length()));
      Set<TenantId> ids = new LinkedHashSet<>();
      Set<Slug> slugs = new LinkedHashSet<>();
      Set<HostName> hosts = new LinkedHashSet<>();
      for (int i = 1; i < lines.length; i++) {
        String line = lines[i];
        if (line.startsWith("id ")) {
          ids.add(new TenantId(UUID.fromString(line.substring(3))));
        } else if (line.startsWith("slug ")) {
          slugs.add(new Slug(line.substring(5)));
        } else if (line.startsWith("host ")) {
          hosts.add(new HostName(line.substring(5)));
        } else {
          return Optional.empty();
        }
      }
      return Optional.of(new Message(origin, new ChangedTenantNames(ids, slugs, hosts)));
    } catch (IllegalArgumentException | ValidationException e) {
      return Optional.empty();
    }
  }
}
