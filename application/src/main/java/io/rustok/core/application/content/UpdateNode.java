package io.rustok.core.application.content;

import io.rustok.core.application.EventPublisher;
import io.rustok.core.application.RequestContext;
import io.rustok.core.domain.content.Body;
import io.rustok.core.domain.content.Metadata;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeRepository;
import io.rustok.core.domain.content.Translation;
import io.rustok.core.domain.event.BodyUpdated;
import io.rustok.core.domain.event.DomainEvent;
import io.rustok.core.domain.event.NodeTranslationUpdated;
import io.rustok.core.domain.event.NodeUpdated;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.UnitOfWork;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes a node under optimistic locking. A change that alters something publishes {@code
 * node.updated} with the new version and the changed field names, then one {@code
 * node.translation.updated} per changed translation and one {@code body.updated} per changed body.
 * A request that changes nothing returns the node as it is, with no new version and no event.
 */
public final class UpdateNode {
  private static final Logger log = LoggerFactory.getLogger(UpdateNode.class);

  private final UnitOfWork unitOfWork;
  private final NodeRepository nodes;
  private final EventPublisher events;
  private final Clock clock;

  public UpdateNode(
      UnitOfWork unitOfWork, NodeRepository nodes, EventPublisher events, Clock clock) {
    this.unitOfWork = unitOfWork;
    this.nodes = nodes;
    this.events = events;
    this.clock = clock;
  }

  public Node execute(RequestContext context, UpdateNodeCommand command) {
    Node updated =
        unitOfWork.execute(
            () -> {
              Node current =
                  ExistingNode.load(
                      nodes,
                      command.tenantId(),
                      command.nodeId(),
                      Optional.of(command.expectedVersion()));
              List<Translation> translationChanges =
                  command.translations().stream()
                      .map(input -> input.toTranslation(current.translation(input.locale())))
                      .toList();
              List<String> changedFields = new ArrayList<>();
              List<DomainEvent> detailEvents = new ArrayList<>();
              Node changed =
                  apply(current, command, translationChanges, changedFields, detailEvents);
              if (changedFields.isEmpty()) {
                return current;
              }
              ExistingNode.save(nodes, changed);
              List<DomainEvent> all = new ArrayList<>();
              all.add(new NodeUpdated(changed.id(), changed.version(), changedFields));
              all.addAll(detailEvents);
              events.publish(context, changed.tenantId(), all);
              return changed;
            });

    log.info(
        "Updated node id={} tenantId={} version={}",
        updated.id(),
        updated.tenantId(),
        updated.version());
    return updated;
  }

  private Node apply(
      Node current,
      UpdateNodeCommand command,
      List<Translation> translationChanges,
      List<String> changedFields,
      List<DomainEvent> detailEvents) {
    int position = command.position().orElse(current.position());
    if (position != current.position()) {
      changedFields.add("position");
    }
    Map<String, Object> metadata =
        command.metadata().map(m -> Metadata.copyOf(m, "metadata")).orElse(current.metadata());
    if (!metadata.equals(current.metadata())) {
      changedFields.add("metadata");
    }

    Map<LocaleCode, Translation> translations = new LinkedHashMap<>();
    current.translations().forEach(t -> translations.put(t.locale(), t));
    for (Translation change : translationChanges) {
      if (!change.equals(translations.get(change.locale()))) {
        translations.put(change.locale(), change);
        changedFields.add("translations." + change.locale());
        detailEvents.add(
            new NodeTranslationUpdated(
                current.id(), change.locale(), change.title(), change.slug()));
      }
    }

    Map<LocaleCode, Body> bodies = new LinkedHashMap<>();
    current.bodies().forEach(b -> bodies.put(b.locale(), b));
    for (Body change : command.bodies()) {
      Body before = bodies.get(change.locale());
      if (before == null || !Objects.equals(before.text(), change.text())) {
        bodies.put(change.locale(), change);
        changedFields.add("bodies." + change.locale());
        detailEvents.add(new BodyUpdated(current.id(), change.locale(), change.text().length()));
      }
    }

    if (changedFields.isEmpty()) {
      return current;
    }
    return current.revise(
        current.parentId(),
        position,
        metadata,
        List.copyOf(translations.values()),
        List.copyOf(bodies.values()),
        clock.instant());
  }
}
