package io.rustok.core.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.rustok.core.application.RequestContext;
import io.rustok.core.application.tenancy.CreateTenant;
import io.rustok.core.application.tenancy.GetTenant;
import io.rustok.core.application.tenancy.UpdateTenant;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.Optional;

/** {@code /api/tenants}: create, read and change tenants. */
final class TenantRoutes {
  private final CreateTenant createTenant;
  private final GetTenant getTenant;
  private final UpdateTenant updateTenant;
  private final JsonCodec json;

  TenantRoutes(
      CreateTenant createTenant, GetTenant getTenant, UpdateTenant updateTenant, JsonCodec json) {
    this.createTenant = createTenant;
    this.getTenant = getTenant;
    this.updateTenant = updateTenant;
    this.json = json;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/tenants", this::create);
    routes.get("/api/tenants/{id}", this::get);
    routes.patch("/api/tenants/{id}", this::update);
  }

  private void create(Context ctx) {
    RequestContext context = RequestMetadata.context(ctx);
    TenantJson.CreateRequest request = json.read(ctx, TenantJson.CreateRequest.class);

    Tenant tenant = createTenant.execute(context, request.toCommand());

    ctx.header("Location", "/api/tenants/" + tenant.id());
    respond(ctx, 201, tenant);
  }

  private void get(Context ctx) {
    TenantId id = RequestParameters.pathId(ctx, "tenant", TenantId::parse);

    respond(ctx, 200, getTenant.execute(id));
  }

  private void update(Context ctx) {
    TenantId id = RequestParameters.pathId(ctx, "tenant", TenantId::parse);
    Optional<Long> expectedVersion = Preconditions.optionalVersion(ctx);
    RequestContext context = RequestMetadata.context(ctx);
    TenantJson.UpdateRequest request = json.read(ctx, TenantJson.UpdateRequest.class);

    Tenant tenant = updateTenant.execute(context, request.toCommand(id, expectedVersion));

    respond(ctx, 200, tenant);
  }

  private void respond(Context ctx, int status, Tenant tenant) {
    Preconditions.setETag(ctx, tenant.version());
    json.write(ctx, status, TenantJson.View.of(tenant));
  }
}
