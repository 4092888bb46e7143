package io.rustok.core.benchmarks;

import io.rustok.core.application.RequestContext;
import io.rustok.core.application.content.CreateNode;
import io.rustok.core.application.content.CreateNodeCommand;
import io.rustok.core.application.content.TranslationInput;
import io.rustok.core.domain.content.Body;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.List;
import java.util.Optional;

/** Creates each node through the {@link CreateNode} use case, as an HTTP request would. */
final class UseCaseCreation implements NodeCreation {
  private static final LocaleCode LOCALE = LocaleCode.of(SampleNode.LOCALE);
  private static final List<Body> BODIES = List.of(new Body(LOCALE, SampleNode.BODY));

  private final CreateNode createNode;
  private final TenantId tenantId;
  private final ActorId actorId;

  UseCaseCreation(CreateNode createNode, TenantId tenantId, ActorId actorId) {
    this.createNode = createNode;
    this.tenantId = tenantId;
    this.actorId = actorId;
  }

  @Override
  public void create(int client, long sequence) {
    RequestContext context =
        new RequestContext(
            new CorrelationId(SampleNode.correlationId(client, sequence)),
            Optional.of(actorId),
            Optional.empty(),
            Optional.empty());
    TranslationInput translation =
        new TranslationInput(
            LOCALE,
            SampleNode.title(client, sequence),
            Optional.of(new Slug(SampleNode.slug(client, sequence))),
            Optional.of(SampleNode.EXCERPT),
            "translations[0]");
    CreateNodeCommand command =
        new CreateNodeCommand(
            tenantId,
            new NodeKind(SampleNode.KIND),
            NodeStatus.DRAFT,
            Optional.empty(),
            0,
            SampleNode.METADATA,
            List.of(translation),
            BODIES);
    createNode.execute(context, command);
  }
}
