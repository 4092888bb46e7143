package io.rustok.core.adapters.inmemory;

import static io.rustok.core.testing.NodeBuilder.aNode;
import static io.rustok.core.testing.TenantBuilder.aTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.testing.TenantBuilder;
import org.junit.jupiter.api.Test;

/** Behaviour of the in-memory unit of work and repositories that the port contracts leave open. */
class InMemoryUnitOfWorkTest {
  private final InMemoryStore store = new InMemoryStore();

  @Test
  void repositoryWriteOutsideUnitCommitsAlone() {
    Tenant tenant = aTenant().build();

    store.tenants.insert(tenant);

    assertThat(store.unitOfWork.isActive()).isFalse();
    assertThat(store.tenants.findById(tenant.id())).contains(tenant);
  }

  @Test
  void failedWriteOutsideUnitLeavesNothing() {
    Tenant existing = aTenant().build();
    store.tenants.insert(existing);
    Tenant clash = TenantBuilder.aTenant().withHosts(existing.hosts().getFirst()).build();

    assertThatThrownBy(() -> store.tenants.insert(clash)).isInstanceOf(DuplicateException.class);

    assertThat(store.unitOfWork.isActive()).isFalse();
    assertThat(store.tenants.findBySlug(clash.slug())).isEmpty();
  }

  @Test
  void nestedFailureIsCauseOfOuterFailure() {
    IllegalArgumentException nested = new IllegalArgumentException("nested work failed");

    assertThatThrownBy(
            () ->
                store.unitOfWork.execute(
                    () -> {
                      try {
                        store.unitOfWork.execute(
                            () -> {
                              throw nested;
                            });
                      } catch (IllegalArgumentException ignored) {
                        // The outer work swallows the failure; the unit must still roll back.
                      }
                      return "committed?";
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasCause(nested);
    assertThat(store.unitOfWork.isActive()).isFalse();
  }

  @Test
  void tenantWithStoredIdThrowsDuplicateId() {
    Tenant tenant = aTenant().build();
    store.tenants.insert(tenant);
    Tenant sameId = aTenant().withId(tenant.id()).build();

    assertThatThrownBy(() -> store.tenants.insert(sameId))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("id"));
    assertThat(store.tenants.findBySlug(sameId.slug())).isEmpty();
  }

  @Test
  void nodeIdIsUniqueAcrossTenants() {
    Node node = aNode().build();
    store.nodes.insert(node);
    Node sameIdElsewhere = aNode().withId(node.id()).build();

    assertThatThrownBy(() -> store.nodes.insert(sameIdElsewhere))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("id"));
    assertThat(store.nodes.find(sameIdElsewhere.tenantId(), node.id())).isEmpty();
  }

  @Test
  void workMayReturnNull() {
    Object result = store.unitOfWork.execute(() -> null);

    assertThat(result).isNull();
  }
}
