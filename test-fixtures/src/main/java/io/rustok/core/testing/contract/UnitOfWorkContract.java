package io.rustok.core.testing.contract;

import static io.rustok.core.testing.EnvelopeBuilder.anEnvelope;
import static io.rustok.core.testing.NodeBuilder.aNode;
import static io.rustok.core.testing.TenantBuilder.aTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.shared.UnitOfWork;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.testing.NodeBuilder;
import io.rustok.core.testing.TenantBuilder;
import io.rustok.core.testing.Unique;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Contract of {@link UnitOfWork} together with the repositories and the outbox that write in it:
 * commit, rollback of every kind of write, nesting, after-commit actions and isolation from other
 * threads.
 */
public abstract class UnitOfWorkContract extends AdapterContract {

  private UnitOfWork unitOfWork() {
    return adapters.unitOfWork();
  }

  @Test
  void executeReturnsWhatWorkReturned() {
    String result = unitOfWork().execute(() -> "done");

    assertThat(result).isEqualTo("done");
  }

  @Test
  void isActiveOnlyInsideUnit() {
    boolean inside = unitOfWork().execute(unitOfWork()::isActive);

    assertThat(inside).isTrue();
    assertThat(unitOfWork().isActive()).isFalse();
  }

  @Test
  void commitStoresEveryWrite() {
    Tenant tenant = aTenant().build();
    Node node = aNode().inTenant(tenant.id()).build();
    EventEnvelope envelope = anEnvelope().inTenant(tenant.id()).aboutNode(node.id()).build();

    inUnit(
        () -> {
          adapters.tenants().insert(tenant);
          adapters.nodes().insert(node);
          adapters.outbox().append(List.of(envelope));
        });

    assertThat(adapters.tenants().findById(tenant.id())).contains(tenant);
    assertThat(adapters.nodes().find(tenant.id(), node.id())).contains(node);
    assertThat(adapters.outboxStore().find(envelope.eventId())).isPresent();
  }

  @Test
  void rollbackRethrowsTheFailure() {
    IllegalStateException failure = new IllegalStateException("work failed");

    assertThatThrownBy(
            () ->
                unitOfWork()
                    .execute(
                        () -> {
                          throw failure;
                        }))
        .isSameAs(failure);
    assertThat(unitOfWork().isActive()).isFalse();
  }

  @Test
  void rollbackDiscardsTenantInsert() {
    Tenant tenant = aTenant().build();

    failAfter(() -> adapters.tenants().insert(tenant));

    assertThat(adapters.tenants().findById(tenant.id())).isEmpty();
    assertThat(adapters.tenants().findBySlug(tenant.slug())).isEmpty();
    assertThat(adapters.tenants().findByHost(tenant.hosts().getFirst())).isEmpty();
  }

  @Test
  void rollbackDiscardsTenantUpdate() {
    Tenant tenant = givenTenant();
    HostName newHost = Unique.hostName();
    Tenant renamed =
        TenantBuilder.from(tenant).withName("Renamed").withHosts(newHost).nextVersion().build();

    failAfter(() -> assertThat(adapters.tenants().update(renamed)).isTrue());

    assertThat(adapters.tenants().findById(tenant.id())).contains(tenant);
    assertThat(adapters.tenants().findByHost(tenant.hosts().getFirst())).contains(tenant);
    assertThat(adapters.tenants().findByHost(newHost)).isEmpty();
  }

  @Test
  void rollbackDiscardsNodeInsert() {
    Tenant tenant = givenTenant();
    Node node = aNode().inTenant(tenant.id()).build();

    failAfter(() -> adapters.nodes().insert(node));

    assertThat(adapters.nodes().find(tenant.id(), node.id())).isEmpty();
  }

  @Test
  void rollbackDiscardsNodeUpdate() {
    Tenant tenant = givenTenant();
    Node node = givenNode(aNode().inTenant(tenant.id()));
    Node changed =
        NodeBuilder.from(node).withSlug("changed").withBody("en", "new").nextVersion().build();

    failAfter(() -> assertThat(adapters.nodes().update(changed)).isTrue());

    assertThat(adapters.nodes().find(tenant.id(), node.id())).contains(node);
  }

  @Test
  void rollbackDiscardsNodeDelete() {
    Tenant tenant = givenTenant();
    Node node = givenNode(aNode().inTenant(tenant.id()));

    failAfter(
        () -> assertThat(adapters.nodes().delete(tenant.id(), node.id(), node.version())).isTrue());

    assertThat(adapters.nodes().find(tenant.id(), node.id())).contains(node);
  }

  @Test
  void rollbackDiscardsAppendedEvents() {
    EventEnvelope first = anEnvelope().build();
    EventEnvelope second = anEnvelope().build();

    failAfter(() -> adapters.outbox().append(List.of(first, second)));

    assertThat(adapters.outboxStore().find(first.eventId())).isEmpty();
    assertThat(adapters.outboxStore().find(second.eventId())).isEmpty();
    assertThat(adapters.outboxStore().stats().pending()).isZero();
  }

  @Test
  void rollbackDiscardsEveryWriteOfTheUnit() {
    Tenant tenant = aTenant().build();
    Node node = aNode().inTenant(tenant.id()).build();
    EventEnvelope envelope = anEnvelope().inTenant(tenant.id()).aboutNode(node.id()).build();

    failAfter(
        () -> {
          adapters.tenants().insert(tenant);
          adapters.nodes().insert(node);
          adapters.outbox().append(List.of(envelope));
        });

    assertThat(adapters.tenants().findById(tenant.id())).isEmpty();
    assertThat(adapters.nodes().find(tenant.id(), node.id())).isEmpty();
    assertThat(adapters.outboxStore().find(envelope.eventId())).isEmpty();
  }

  @Test
  void readSeesEarlierWritesOfUnit() {
    Tenant tenant = aTenant().build();
    Node node = aNode().inTenant(tenant.id()).build();
    List<Optional<?>> seen = new ArrayList<>();

    inUnit(
        () -> {
          adapters.tenants().insert(tenant);
          adapters.nodes().insert(node);
          seen.add(adapters.tenants().findById(tenant.id()));
          seen.add(adapters.nodes().find(tenant.id(), node.id()));
        });

    assertThat(seen).containsExactly(Optional.of(tenant), Optional.of(node));
  }

  @Test
  void duplicateDiscardsWholeUnit() {
    Tenant tenant = aTenant().build();
    adapters.tenants().insert(tenant);
    Node existing = aNode().inTenant(tenant.id()).build();
    adapters.nodes().insert(existing);
    Node first = aNode().inTenant(tenant.id()).build();
    Node clash =
        aNode().inTenant(tenant.id()).withTranslations(existing.translations().getFirst()).build();
    EventEnvelope envelope = anEnvelope().inTenant(tenant.id()).aboutNode(first.id()).build();

    assertThatThrownBy(
            () ->
                inUnit(
                    () -> {
                      adapters.nodes().insert(first);
                      adapters.outbox().append(List.of(envelope));
                      adapters.nodes().insert(clash);
                    }))
        .isInstanceOf(DuplicateException.class);

    assertThat(adapters.nodes().find(tenant.id(), first.id())).isEmpty();
    assertThat(adapters.nodes().find(tenant.id(), clash.id())).isEmpty();
    assertThat(adapters.outboxStore().find(envelope.eventId())).isEmpty();
    assertThat(adapters.nodes().find(tenant.id(), existing.id())).contains(existing);
  }

  @Test
  void appendOutsideUnitThrowsAndStoresNothing() {
    EventEnvelope envelope = anEnvelope().build();

    assertThatThrownBy(() -> adapters.outbox().append(List.of(envelope)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(adapters.outboxStore().find(envelope.eventId())).isEmpty();
  }

  @Test
  void nestedUnitJoinsOuterUnit() {
    Tenant tenant = aTenant().build();
    EventEnvelope envelope = anEnvelope().build();

    failAfter(
        () -> {
          boolean nestedWasActive =
              unitOfWork()
                  .execute(
                      () -> {
                        adapters.tenants().insert(tenant);
                        adapters.outbox().append(List.of(envelope));
                        return unitOfWork().isActive();
                      });
          assertThat(nestedWasActive).isTrue();
          assertThat(unitOfWork().isActive()).isTrue();
        });

    assertThat(adapters.tenants().findById(tenant.id())).isEmpty();
    assertThat(adapters.outboxStore().find(envelope.eventId())).isEmpty();
  }

  @Test
  void isActiveOnlyOnTheUnitsThread() throws Exception {
    CompletableFuture<Boolean> activeOnOtherThread = new CompletableFuture<>();

    boolean activeOnOwnThread =
        unitOfWork()
            .execute(
                () -> {
                  Thread.ofPlatform()
                      .start(() -> activeOnOtherThread.complete(unitOfWork().isActive()));
                  return unitOfWork().isActive();
                });

    assertThat(activeOnOwnThread).isTrue();
    assertThat(activeOnOtherThread.get(20, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void caughtNestedFailureStillRollsBack() {
    Tenant outerTenant = aTenant().build();
    Tenant nestedTenant = aTenant().build();
    IllegalStateException nestedFailure = new IllegalStateException("nested work failed");

    assertThatThrownBy(
            () ->
                inUnit(
                    () -> {
                      adapters.tenants().insert(outerTenant);
                      try {
                        inUnit(
                            () -> {
                              adapters.tenants().insert(nestedTenant);
                              throw nestedFailure;
                            });
                      } catch (IllegalStateException expected) {
                        // The outer work carries on, but the unit must not commit.
                      }
                    }))
        .isInstanceOf(IllegalStateException.class)
        .isNotSameAs(nestedFailure)
        .hasCause(nestedFailure);

    assertThat(adapters.tenants().findById(outerTenant.id())).isEmpty();
    assertThat(adapters.tenants().findById(nestedTenant.id())).isEmpty();
  }

  @Test
  void afterCommitWaitsForOutermostCommit() {
    List<String> runs = new ArrayList<>();
    List<String> seenBeforeOuterReturned = new ArrayList<>();

    inUnit(
        () -> {
          unitOfWork().afterCommit(() -> runs.add("first"));
          inUnit(() -> unitOfWork().afterCommit(() -> runs.add("nested")));
          unitOfWork().afterCommit(() -> runs.add("last"));
          seenBeforeOuterReturned.addAll(runs);
        });

    assertThat(seenBeforeOuterReturned).isEmpty();
    assertThat(runs).containsExactly("first", "nested", "last");
  }

  @Test
  void afterCommitSeesCommittedWrites() {
    Tenant tenant = aTenant().build();
    AtomicReference<Optional<Tenant>> seen = new AtomicReference<>();
    AtomicBoolean activeDuringAction = new AtomicBoolean(true);

    inUnit(
        () -> {
          adapters.tenants().insert(tenant);
          unitOfWork()
              .afterCommit(
                  () -> {
                    activeDuringAction.set(unitOfWork().isActive());
                    seen.set(adapters.tenants().findById(tenant.id()));
                  });
        });

    assertThat(activeDuringAction).isFalse();
    assertThat(seen.get()).contains(tenant);
  }

  @Test
  void afterCommitRunsOnTheCommittingThread() {
    AtomicReference<Thread> ranOn = new AtomicReference<>();

    inUnit(() -> unitOfWork().afterCommit(() -> ranOn.set(Thread.currentThread())));

    assertThat(ranOn.get()).isSameAs(Thread.currentThread());
  }

  @Test
  void afterCommitActionMayStartNewUnit() {
    Tenant first = aTenant().build();
    Tenant second = aTenant().build();

    inUnit(
        () -> {
          adapters.tenants().insert(first);
          unitOfWork().afterCommit(() -> inUnit(() -> adapters.tenants().insert(second)));
        });

    assertThat(adapters.tenants().findById(first.id())).contains(first);
    assertThat(adapters.tenants().findById(second.id())).contains(second);
  }

  @Test
  void afterCommitNeverRunsOnRollback() {
    AtomicBoolean ran = new AtomicBoolean();

    failAfter(
        () -> {
          unitOfWork().afterCommit(() -> ran.set(true));
          inUnit(() -> unitOfWork().afterCommit(() -> ran.set(true)));
        });

    assertThat(ran).isFalse();
  }

  @Test
  void afterCommitOutsideUnitThrows() {
    assertThatThrownBy(() -> unitOfWork().afterCommit(() -> {}))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void failingAfterCommitActionKeepsCommit() {
    Tenant tenant = aTenant().build();
    AtomicBoolean laterRan = new AtomicBoolean();

    inUnit(
        () -> {
          adapters.tenants().insert(tenant);
          unitOfWork()
              .afterCommit(
                  () -> {
                    throw new IllegalStateException("after-commit action failed");
                  });
          unitOfWork().afterCommit(() -> laterRan.set(true));
        });

    assertThat(adapters.tenants().findById(tenant.id())).contains(tenant);
    assertThat(laterRan).isTrue();
  }

  /**
   * Another thread reads while a unit has inserted a tenant but not committed it. The read must
   * either miss the tenant or wait until the unit is about to commit; an adapter that shows the
   * uncommitted tenant at once fails. The writer gives the reader 250 ms before it commits.
   */
  @Test
  @Timeout(30)
  void otherThreadsNeverSeeUncommittedWrites() throws Exception {
    Tenant tenant = aTenant().build();
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch readerDone = new CountDownLatch(1);
    AtomicBoolean committing = new AtomicBoolean();
    CompletableFuture<Boolean> readBeforeCommit =
        CompletableFuture.supplyAsync(
            () -> {
              awaitLatch(inserted);
              boolean found = adapters.tenants().findById(tenant.id()).isPresent();
              boolean sawUncommitted = found && !committing.get();
              readerDone.countDown();
              return sawUncommitted;
            });

    inUnit(
        () -> {
          adapters.tenants().insert(tenant);
          inserted.countDown();
          awaitLatch(readerDone, 250);
          committing.set(true);
        });

    assertThat(readBeforeCommit.get(20, TimeUnit.SECONDS)).isFalse();
    assertThat(adapters.tenants().findById(tenant.id())).contains(tenant);
  }

  private Node givenNode(NodeBuilder builder) {
    Node node = builder.build();
    inUnit(() -> adapters.nodes().insert(node));
    return node;
  }

  /** Runs {@code work} in a unit that then fails, and checks that the failure came through. */
  private void failAfter(Runnable work) {
    RuntimeException failure = new IllegalStateException("planned failure after the writes");

    assertThatThrownBy(
            () ->
                inUnit(
                    () -> {
                      work.run();
                      throw failure;
                    }))
        .isSameAs(failure);
  }

  private static void awaitLatch(CountDownLatch latch) {
    awaitLatch(latch, 20_000);
  }

  /** Waits for the latch or the timeout, whichever comes first. */
  private static void awaitLatch(CountDownLatch latch, long timeoutMillis) {
    try {
      latch.await(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
