package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqUnitOfWorkIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  private JooqUnitOfWork unitOfWork;
  private JooqTenantRepository tenants;

  @BeforeEach
  void wireAdapters() {
    JooqAdapters adapters = JooqAdapters.using(db.dataSource(), new JsonEnvelopeCodec());
    unitOfWork = adapters.unitOfWork();
    tenants = adapters.tenants();
  }

  @Test
  void executeCommitsWhenWorkReturns() {
    Tenant tenant = Samples.tenant();

    String result =
        unitOfWork.execute(
            () -> {
              tenants.insert(tenant);
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(storedTenants(tenant)).isEqualTo(1);
  }

  @Test
  void executeRollsBackWhenWorkThrows() {
    Tenant tenant = Samples.tenant();
    IllegalStateException failure = new IllegalStateException("use case failed");

    assertThatThrownBy(
            () ->
                unitOfWork.execute(
                    () -> {
                      tenants.insert(tenant);
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(storedTenants(tenant)).isZero();
    assertThat(unitOfWork.isActive()).isFalse();
  }

  @Test
  void nestedUnitCommitsOnlyWithOuterUnit() {
    Tenant tenant = Samples.tenant();
    List<Integer> seenFromOtherConnection = new ArrayList<>();

    unitOfWork.execute(
        () -> {
          unitOfWork.execute(
              () -> {
                tenants.insert(tenant);
                return null;
              });
          seenFromOtherConnection.add(storedTenants(tenant));
          return null;
        });

    assertThat(seenFromOtherConnection).containsExactly(0);
    assertThat(storedTenants(tenant)).isEqualTo(1);
  }

  @Test
  void outerFailureDiscardsNestedWork() {
    Tenant tenant = Samples.tenant();

    assertThatThrownBy(
            () ->
                unitOfWork.execute(
                    () -> {
                      unitOfWork.execute(
                          () -> {
                            tenants.insert(tenant);
                            return null;
                          });
                      throw new IllegalStateException("outer failed");
                    }))
        .hasMessage("outer failed");

    assertThat(storedTenants(tenant)).isZero();
  }

  @Test
  void caughtNestedFailureStillRollsBack() {
    Tenant outer = Samples.tenant();
    Tenant nested = Samples.tenant();
    IllegalStateException nestedFailure = new IllegalStateException("nested failed");

    assertThatThrownBy(
            () ->
                unitOfWork.execute(
                    () -> {
                      tenants.insert(outer);
                      try {
                        unitOfWork.execute(
                            () -> {
                              tenants.insert(nested);
                              throw nestedFailure;
                            });
                      } catch (IllegalStateException ignored) {
                        // The outer work carries on as if the nested failure did not matter.
                      }
                      return null;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rolled back")
        .hasCause(nestedFailure);

    assertThat(storedTenants(outer)).isZero();
    assertThat(storedTenants(nested)).isZero();
  }

  @Test
  void afterCommitRunsAfterCommitOnly() {
    Tenant committed = Samples.tenant();
    Tenant rolledBack = Samples.tenant();
    List<Integer> seenByAction = new ArrayList<>();
    List<String> rolledBackActions = new ArrayList<>();

    unitOfWork.execute(
        () -> {
          tenants.insert(committed);
          unitOfWork.afterCommit(() -> seenByAction.add(storedTenants(committed)));
          return null;
        });
    assertThatThrownBy(
            () ->
                unitOfWork.execute(
                    () -> {
                      tenants.insert(rolledBack);
                      unitOfWork.afterCommit(() -> rolledBackActions.add("ran"));
                      throw new IllegalStateException("rolled back");
                    }))
        .hasMessage("rolled back");

    assertThat(seenByAction).containsExactly(1);
    assertThat(rolledBackActions).isEmpty();
  }

  @Test
  void failingAfterCommitActionKeepsCommit() {
    Tenant tenant = Samples.tenant();
    List<String> laterActions = new ArrayList<>();

    unitOfWork.execute(
        () -> {
          tenants.insert(tenant);
          unitOfWork.afterCommit(
              () -> {
                throw new IllegalStateException("action failed");
              });
          unitOfWork.afterCommit(() -> laterActions.add("ran"));
          return null;
        });

    assertThat(storedTenants(tenant)).isEqualTo(1);
    assertThat(laterActions).containsExactly("ran");
  }

  @Test
  void afterCommitActionMayStartNewUnit() {
    Tenant first = Samples.tenant();
    Tenant second = Samples.tenant();

    unitOfWork.execute(
        () -> {
          tenants.insert(first);
          unitOfWork.afterCommit(
              () ->
                  unitOfWork.execute(
                      () -> {
                        tenants.insert(second);
                        return null;
                      }));
          return null;
        });

    assertThat(storedTenants(second)).isEqualTo(1);
  }

  @Test
  void afterCommitOutsideUnitThrows() {
    assertThatThrownBy(() -> unitOfWork.afterCommit(() -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("active unit of work");
  }

  @Test
  void isActiveOnlyInsideExecute() {
    List<Boolean> inside = new ArrayList<>();

    unitOfWork.execute(() -> inside.add(unitOfWork.isActive()));

    assertThat(inside).containsExactly(true);
    assertThat(unitOfWork.isActive()).isFalse();
  }

  @Test
  void unitIsBoundToItsThread() throws InterruptedException {
    List<Boolean> activeOnOtherThread = new ArrayList<>();

    unitOfWork.execute(
        () -> {
          Thread other =
              Thread.ofPlatform().start(() -> activeOnOtherThread.add(unitOfWork.isActive()));
          try {
            other.join();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return null;
        });

    assertThat(activeOnOtherThread).containsExactly(false);
  }

  @Test
  void writeOutsideUnitCommitsAtOnce() {
    Tenant tenant = Samples.tenant();

    tenants.insert(tenant);

    assertThat(storedTenants(tenant)).isEqualTo(1);
    assertThat(storedHosts(tenant)).isEqualTo(tenant.hosts().size());
  }

  @Test
  void failedWriteOutsideUnitLeavesNothing() {
    Tenant owner = Samples.tenant();
    tenants.insert(owner);
    Tenant clash =
        new Tenant(
            Samples.tenantId(),
            Samples.tenant().slug(),
            "Clash",
            List.of(Samples.tenant().hosts().getFirst(), owner.hosts().getFirst()),
            List.of(),
            1,
            Samples.CREATED,
            Samples.CREATED);

    assertThatThrownBy(() -> tenants.insert(clash)).isInstanceOf(DuplicateException.class);

    assertThat(storedTenants(clash)).isZero();
    assertThat(storedHosts(clash)).isZero();
  }

  /** Counts on a connection of its own, so only committed rows are seen. */
  private static int storedTenants(Tenant tenant) {
    return db.dsl().fetchCount(Schema.Tenants.TABLE, Schema.Tenants.ID.eq(tenant.id().value()));
  }

  private static int storedHosts(Tenant tenant) {
    return db.dsl()
        .fetchCount(Schema.TenantHosts.TABLE, Schema.TenantHosts.TENANT_ID.eq(tenant.id().value()));
  }
}
