package io.rustok.core.adapters.http;

import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodePage;
import io.rustok.core.domain.content.NodeQuery;
import io.rustok.core.domain.content.NodeRepository;
import io.rustok.core.domain.content.Translation;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.ClaimToken;
import io.rustok.core.domain.outbox.ClaimedEvent;
import io.rustok.core.domain.outbox.EventOutbox;
import io.rustok.core.domain.outbox.OutboxEntry;
import io.rustok.core.domain.outbox.OutboxStats;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.outbox.OutboxStore;
import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.shared.UnitOfWork;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.domain.tenancy.TenantRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Minimal single-process implementations of the ports, enough to drive the HTTP adapter. */
final class FakePorts {
  private FakePorts() {}

  /** Runs work directly; nothing is rolled back, which these tests never need. */
  static final class DirectUnitOfWork implements UnitOfWork {
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    @Override
    public <T> T execute(Supplier<T> work) {
      if (afterCommit.get() != null) {
        return work.get();
      }
      List<Runnable> actions = new ArrayList<>();
      afterCommit.set(actions);
      T result;
      try {
        result = work.get();
      } finally {
        afterCommit.remove();
      }
      actions.forEach(Runnable::run);
      return result;
    }

    @Override
    public boolean isActive() {
      return afterCommit.get() != null;
    }

    @Override
    public void afterCommit(Runnable action) {
      afterCommit.get().add(action);
    }
  }

  static final class Tenants implements TenantRepository {
    private final Map<TenantId, Tenant> byId = new LinkedHashMap<>();

    @Override
    public synchronized void insert(Tenant tenant) {
      requireUnique(tenant);
      byId.put(tenant.id(), tenant);
    }

    @Override
    public synchronized boolean update(Tenant tenant) {
      Tenant stored = byId.get(tenant.id());
      if (stored == null || stored.version() != tenant.version() - 1) {
        return false;
      }
      requireUnique(tenant);
      byId.put(tenant.id(), tenant);
      return true;
    }

    private void requireUnique(Tenant tenant) {
      for (Tenant other : byId.values()) {
        if (other.id().equals(tenant.id())) {
          continue;
        }
        if (other.slug().equals(tenant.slug())) {
          throw new DuplicateException("slug", "slug " + tenant.slug() + " is taken");
        }
        for (HostName host : tenant.hosts()) {
          if (other.hosts().contains(host)) {
            throw new DuplicateException("hosts", "host " + host + " is taken");
          }
        }
      }
    }

    @Override
    public synchronized Optional<Tenant> findById(TenantId id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Tenant> findBySlug(Slug slug) {
      return byId.values().stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    @Override
    public synchronized Optional<Tenant> findByHost(HostName host) {
      return byId.values().stream().filter(t -> t.hosts().contains(host)).findFirst();
    }
  }

  static final class Nodes implements NodeRepository {
    private final Map<NodeId, Node> byId = new LinkedHashMap<>();

    @Override
    public synchronized void insert(Node node) {
      requireUniqueSlugs(node);
      byId.put(node.id(), node);
    }

    @Override
    public synchronized boolean update(Node node) {
      Node stored = byId.get(node.id());
      if (stored == null
          || !stored.tenantId().equals(node.tenantId())
          || stored.version() != node.version() - 1) {
        return false;
      }
      requireUniqueSlugs(node);
      byId.put(node.id(), node);
      return true;
    }

    private void requireUniqueSlugs(Node node) {
      for (Node other : byId.values()) {
        if (other.id().equals(node.id()) || !other.tenantId().equals(node.tenantId())) {
          continue;
        }
        for (Translation mine : node.translations()) {
          for (Translation theirs : other.translations()) {
            if (mine.locale().equals(theirs.locale()) && mine.slug().equals(theirs.slug())) {
              throw new DuplicateException("slug", "slug " + mine.slug() + " is taken");
            }
          }
        }
      }
    }

    @Override
    public synchronized Optional<Node> find(TenantId tenantId, NodeId id) {
      return Optional.ofNullable(byId.get(id)).filter(n -> n.tenantId().equals(tenantId));
    }

    @Override
    public synchronized NodePage list(NodeQuery query) {
      List<Node> matching =
          byId.values().stream()
              .filter(n -> n.tenantId().equals(query.tenantId()))
              .filter(n -> query.kind().map(k -> k.equals(n.kind())).orElse(true))
              .filter(n -> query.status().map(s -> s == n.status()).orElse(true))
              .filter(
                  n ->
                      query.before().map(b -> n.id().value().compareTo(b.value()) < 0).orElse(true))
              .sorted(Comparator.comparing((Node n) -> n.id().value()).reversed())
              .toList();
      List<Node> page = matching.stream().limit(query.limit()).toList();
      Optional<NodeId> next =
          matching.size() > query.limit() ? Optional.of(page.getLast().id()) : Optional.empty();
      return new NodePage(page, next);
    }

    @Override
    public synchronized boolean delete(TenantId tenantId, NodeId id, long expectedVersion) {
      Optional<Node> stored = find(tenantId, id);
      if (stored.isEmpty() || stored.get().version() != expectedVersion) {
        return false;
      }
      byId.remove(id);
      return true;
    }
  }

  /** Outbox whose claims never expire and whose clock is the system clock. */
  static final class Outbox implements EventOutbox, OutboxStore {
    private final Map<EventId, Row> rows = new LinkedHashMap<>();
    private final Clock clock = Clock.systemUTC();

    private record Row(
        EventEnvelope envelope,
        OutboxStatus status,
        int attempts,
        Optional<String> lastError,
        Optional<ClaimToken> claim,
        Optional<java.time.Instant> dispatchedAt) {
      Row with(OutboxStatus newStatus, int newAttempts, Optional<String> error) {
        return new Row(envelope, newStatus, newAttempts, error, Optional.empty(), dispatchedAt);
      }

      OutboxEntry entry() {
        return new OutboxEntry(
            envelope.eventId(),
            envelope.eventType(),
            envelope.schemaVersion(),
            envelope.tenantId(),
            envelope.aggregateId(),
            status,
            attempts,
            lastError,
            envelope.occurredAt(),
            dispatchedAt,
            Optional.empty());
      }
    }

    @Override
    public synchronized void append(List<EventEnvelope> envelopes) {
      for (EventEnvelope envelope : envelopes) {
        rows.put(
            envelope.eventId(),
            new Row(
                envelope,
                OutboxStatus.PENDING,
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
      }
    }

    synchronized List<EventEnvelope> envelopes() {
      return rows.values().stream().map(Row::envelope).toList();
    }

    @Override
    public synchronized List<ClaimedEvent> claim(int limit, Duration lease) {
      List<ClaimedEvent> claimed = new ArrayList<>();
      for (Map.Entry<EventId, Row> entry : rows.entrySet()) {
        Row row = entry.getValue();
        if (claimed.size() == limit
            || row.status() != OutboxStatus.PENDING
            || row.claim().isPresent()) {
          continue;
        }
        ClaimToken token = ClaimToken.random();
        entry.setValue(
            new Row(
                row.envelope(),
                row.status(),
                row.attempts(),
                row.lastError(),
                Optional.of(token),
                row.dispatchedAt()));
        claimed.add(ClaimedEvent.readable(row.envelope(), token, row.attempts()));
      }
      return claimed;
    }

    @Override
    public synchronized int markDispatched(List<ClaimedEvent> events) {
      int count = 0;
      for (ClaimedEvent event : events) {
        Row row = rows.get(event.id());
        if (row != null && row.claim().equals(Optional.of(event.claimToken()))) {
          rows.put(
              event.id(),
              new Row(
                  row.envelope(),
                  OutboxStatus.DISPATCHED,
                  row.attempts() + 1,
                  row.lastError(),
                  Optional.empty(),
                  Optional.of(clock.instant())));
          count++;
        }
      }
      return count;
    }

    @Override
    public synchronized boolean retryLater(ClaimedEvent event, Duration delay, String error) {
      return change(event, OutboxStatus.PENDING, error);
    }

    @Override
    public synchronized boolean markFailed(ClaimedEvent event, String error) {
      return change(event, OutboxStatus.FAILED, error);
    }

    private boolean change(ClaimedEvent event, OutboxStatus status, String error) {
      Row row = rows.get(event.id());
      if (row == null || !row.claim().equals(Optional.of(event.claimToken()))) {
        return false;
      }
      rows.put(event.id(), row.with(status, row.attempts() + 1, Optional.of(error)));
      return true;
    }

    @Override
    public synchronized int release(List<ClaimedEvent> events) {
      int count = 0;
      for (ClaimedEvent event : events) {
        Row row = rows.get(event.id());
        if (row != null && row.claim().equals(Optional.of(event.claimToken()))) {
          rows.put(event.id(), row.with(row.status(), row.attempts(), row.lastError()));
          count++;
        }
      }
      return count;
    }

    @Override
    public synchronized boolean replay(EventId id) {
      Row row = rows.get(id);
      if (row == null || row.status() != OutboxStatus.FAILED) {
        return false;
      }
      rows.put(id, row.with(OutboxStatus.PENDING, 0, row.lastError()));
      return true;
    }

    @Override
    public synchronized Optional<OutboxEntry> find(EventId id) {
      return Optional.ofNullable(rows.get(id)).map(Row::entry);
    }

    @Override
    public synchronized List<OutboxEntry> list(OutboxStatus status, int limit) {
      List<OutboxEntry> entries = new ArrayList<>();
      for (Row row : rows.values().stream().toList().reversed()) {
        if (row.status() == status && entries.size() < limit) {
          entries.add(row.entry());
        }
      }
      return entries;
    }

    @Override
    public synchronized OutboxStats stats() {
      long pending = count(OutboxStatus.PENDING);
      Optional<Duration> oldest =
          rows.values().stream()
              .filter(r -> r.status() == OutboxStatus.PENDING)
              .map(r -> Duration.between(r.envelope().occurredAt(), clock.instant()))
              .max(Comparator.naturalOrder());
      return new OutboxStats(
          pending, count(OutboxStatus.DISPATCHED), count(OutboxStatus.FAILED), oldest);
    }

    private long count(OutboxStatus status) {
      return rows.values().stream().filter(r -> r.status() == status).count();
    }
  }
}
