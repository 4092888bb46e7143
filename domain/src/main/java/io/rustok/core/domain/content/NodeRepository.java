package io.rustok.core.domain.content;

import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.Optional;

/**
 * Storage of nodes with their translations and bodies. Writes take part in the current unit of
 * work. Every method takes the tenant, and a node of another tenant is never found, listed, changed
 * or deleted.
 *
 * <p>A translation slug is unique per tenant and locale; a write that would repeat one throws
 * {@link DuplicateException} with field {@code slug}.
 *
 * <p>Shown by {@code UnitOfWorkContract#rollbackDiscardsNodeInsert}, {@code
 * NodeRepositoryContract#nodeOfAnotherTenantIsNotFound}, {@code
 * NodeRepositoryContract#listShowsOnlyNodesOfItsTenant}, {@code
 * NodeRepositoryContract#nodeOfAnotherTenantIsNotUpdated}, {@code
 * NodeRepositoryContract#nodeOfAnotherTenantIsNotDeleted}, {@code
 * NodeRepositoryContract#takenSlugInSameLocaleIsRejected}, {@code
 * NodeRepositoryContract#sameSlugInAnotherLocaleIsAllowed} and {@code
 * NodeRepositoryContract#sameSlugInAnotherTenantIsAllowed}.
 */
public interface NodeRepository {
  /**
   * Stores a new node with its translations and bodies.
   *
   * <p>Shown by {@code NodeRepositoryContract#insertedNodeIsFoundWithEveryField} and {@code
   * NodeRepositoryContract#takenSlugInSameLocaleIsRejected}.
   *
   * @throws DuplicateException if the tenant has a node with the slug of one of its translations in
   *     the same locale; inside a unit of work an adapter that sends writes later may throw it from
   *     a later call in the unit or from the unit's commit instead (see {@link
   *     io.rustok.core.domain.shared.UnitOfWork})
   */
  void insert(Node node);

  /**
   * Replaces the stored node, translations and bodies included, if the stored version is {@code
   * node.version() - 1}. The slugs it gives up are free for other nodes at once.
   *
   * <p>Shown by {@code NodeRepositoryContract#updateReplacesTranslationsAndBodies}, {@code
   * NodeRepositoryContract#updateKeepingOwnSlugSucceeds}, {@code
   * NodeRepositoryContract#updateFromStaleVersionReturnsFalse}, {@code
   * NodeRepositoryContract#updateSkippingVersionReturnsFalse}, {@code
   * NodeRepositoryContract#updateOfUnknownNodeReturnsFalse}, {@code
   * NodeRepositoryContract#nodeOfAnotherTenantIsNotUpdated}, {@code
   * NodeRepositoryContract#updateToTakenSlugIsRejected} and {@code
   * NodeRepositoryContract#releasedSlugCanBeReused}.
   *
   * @return false if the node does not exist in its tenant or its stored version differs
   * @throws DuplicateException if another node of the tenant has the slug of one of its
   *     translations in the same locale; inside a unit of work it may come later, as for {@link
   *     #insert}
   */
  boolean update(Node node);

  /**
   * Returns the node with this id in the tenant, exactly as it was stored, or empty if the tenant
   * has no such node.
   *
   * <p>Shown by {@code NodeRepositoryContract#insertedNodeIsFoundWithEveryField}, {@code
   * NodeRepositoryContract#unknownNodeIsNotFound} and {@code
   * NodeRepositoryContract#nodeOfAnotherTenantIsNotFound}.
   */
  Optional<Node> find(TenantId tenantId, NodeId id);

  /**
   * Returns one page of the tenant's nodes of the query's kind and status, newest first: in
   * descending order of their ids, compared as unsigned numbers. A page holds only nodes created
   * before the query's cursor, so nodes inserted between two requests are neither repeated nor
   * skipped, and the cursor stays valid after its node is deleted.
   *
   * <p>Shown by {@code NodeRepositoryContract#listReturnsNewestFirst}, {@code
   * NodeRepositoryContract#listPagesWithCursorUntilLastPage}, {@code
   * NodeRepositoryContract#fullLastPageHasNoNextCursor}, {@code
   * NodeRepositoryContract#insertsBetweenPagesNeitherRepeatNorSkip}, {@code
   * NodeRepositoryContract#cursorOfDeletedNodeStillPages}, {@code
   * NodeRepositoryContract#listFiltersByKindAcrossPages}, {@code
   * NodeRepositoryContract#listFiltersByStatus}, {@code
   * NodeRepositoryContract#listFiltersByKindAndStatusTogether}, {@code
   * NodeRepositoryContract#listShowsOnlyNodesOfItsTenant}, {@code
   * NodeRepositoryContract#listOfTenantWithoutNodesIsEmpty} and {@code
   * NodeRepositoryContract#listOrdersIdsAsUnsignedNumbers}.
   */
  NodePage list(NodeQuery query);

  /**
   * Deletes the node if its stored version is {@code expectedVersion}.
   *
   * <p>Shown by {@code NodeRepositoryContract#deleteWithExpectedVersionRemovesNode}, {@code
   * NodeRepositoryContract#deleteWithOtherVersionReturnsFalse}, {@code
   * NodeRepositoryContract#deleteOfUnknownNodeReturnsFalse} and {@code
   * NodeRepositoryContract#nodeOfAnotherTenantIsNotDeleted}.
   *
   * @return false if the node does not exist in the tenant or its stored version differs
   */
  boolean delete(TenantId tenantId, NodeId id, long expectedVersion);
}
