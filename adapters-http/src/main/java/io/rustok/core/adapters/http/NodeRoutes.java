package io.rustok.core.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.rustok.core.application.RequestContext;
import io.rustok.core.application.content.CreateNode;
import io.rustok.core.application.content.DeleteNode;
import io.rustok.core.application.content.GetNode;
import io.rustok.core.application.content.ListNodes;
import io.rustok.core.application.content.NodeChangeCommand;
import io.rustok.core.application.content.PublishNode;
import io.rustok.core.application.content.UnpublishNode;
import io.rustok.core.application.content.UpdateNode;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodePage;
import io.rustok.core.domain.content.NodeQuery;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.tenancy.Tenant;
import java.util.Optional;

/**
 * {@code /api/nodes}: the content of the tenant named by {@code X-Tenant-ID}. A node of another
 * tenant is not found, whatever its id.
 */
final class NodeRoutes {
  static final int DEFAULT_LIMIT = 50;

  /** The content use cases that these routes call. */
  record UseCases(
      CreateNode createNode,
      GetNode getNode,
      ListNodes listNodes,
      UpdateNode updateNode,
      PublishNode publishNode,
      UnpublishNode unpublishNode,
      DeleteNode deleteNode) {}

  private final UseCases useCases;
  private final TenantScope tenants;
  private final JsonCodec json;

  NodeRoutes(UseCases useCases, TenantScope tenants, JsonCodec json) {
    this.useCases = useCases;
    this.tenants = tenants;
    this.json = json;
  }

  void register(RoutesConfig routes) {
    // TenantScope reads the first X-Tenant-ID, so a second one, which may name another tenant, is
    // rejected before any node route runs.
    routes.beforeMatched("/api/nodes", NodeRoutes::rejectRepeatedTenant);
    routes.beforeMatched("/api/nodes/*", NodeRoutes::rejectRepeatedTenant);
    routes.post("/api/nodes", this::create);
    routes.get("/api/nodes", this::list);
    routes.get("/api/nodes/{id}", this::get);
    routes.patch("/api/nodes/{id}", this::update);
    routes.delete("/api/nodes/{id}", this::delete);
    routes.post("/api/nodes/{id}/publish", this::publish);
    routes.post("/api/nodes/{id}/unpublish", this::unpublish);
  }

  private static void rejectRepeatedTenant(Context ctx) {
    RequestMetadata.singleHeader(ctx, TenantScope.TENANT_HEADER);
  }

  private void create(Context ctx) {
    Tenant tenant = tenants.tenant(ctx);
    RequestContext context = context(ctx);
    NodeJson.CreateRequest request = json.read(ctx, NodeJson.CreateRequest.class);

    Node node = useCases.createNode().execute(context, request.toCommand(tenant));

    ctx.header("Location", "/api/nodes/" + node.id());
    respond(ctx, 201, node);
  }

  private void get(Context ctx) {
    Tenant tenant = tenants.tenant(ctx);
    NodeId id = nodeId(ctx);

    respond(ctx, 200, useCases.getNode().execute(tenant.id(), id));
  }

  private void list(Context ctx) {
    Tenant tenant = tenants.tenant(ctx);
    NodeQuery query =
        new NodeQuery(
            tenant.id(),
            RequestParameters.queryText(ctx, "kind")
                .map(kind -> FieldPaths.at("kind", () -> new NodeKind(kind))),
            RequestParameters.queryText(ctx, "status")
                .map(status -> NodeStatus.parse(status, "status")),
            RequestParameters.queryCursor(ctx, NodeId::parse),
            RequestParameters.queryInt(ctx, "limit", DEFAULT_LIMIT));

    NodePage page = useCases.listNodes().execute(query);

    json.write(
        ctx,
        200,
        new NodeJson.Page(
            page.items().stream().map(NodeJson.View::of).toList(),
            page.next().map(NodeId::toString).orElse(null)));
  }

  private void update(Context ctx) {
    Tenant tenant = tenants.tenant(ctx);
    NodeId id = nodeId(ctx);
    long expectedVersion = Preconditions.requiredVersion(ctx);
    RequestContext context = context(ctx);
    NodeJson.UpdateRequest request = json.read(ctx, NodeJson.UpdateRequest.class);

    Node node =
        useCases.updateNode().execute(context, request.toCommand(tenant, id, expectedVersion));

    respond(ctx, 200, node);
  }

  private void publish(Context ctx) {
    NodeChangeCommand command = changeCommand(ctx);

    respond(ctx, 200, useCases.publishNode().execute(context(ctx), command));
  }

  private void unpublish(Context ctx) {
    NodeChangeCommand command = changeCommand(ctx);

    respond(ctx, 200, useCases.unpublishNode().execute(context(ctx), command));
  }

  private void delete(Context ctx) {
    NodeChangeCommand command = changeCommand(ctx);

    useCases.deleteNode().execute(context(ctx), command);

    ctx.status(204);
  }

  private NodeChangeCommand changeCommand(Context ctx) {
    Tenant tenant = tenants.tenant(ctx);
    NodeId id = nodeId(ctx);
    Optional<Long> expectedVersion = Preconditions.optionalVersion(ctx);
    return new NodeChangeCommand(tenant.id(), id, expectedVersion);
  }

  private static NodeId nodeId(Context ctx) {
    return RequestParameters.pathId(ctx, "node", NodeId::parse);
  }

  private static RequestContext context(Context ctx) {
    return RequestMetadata.context(ctx);
  }

  private void respond(Context ctx, int status, Node node) {
    Preconditions.setETag(ctx, node.version());
    json.write(ctx, status, NodeJson.View.of(node));
  }
}
