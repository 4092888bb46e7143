package io.rustok.core.adapters.http;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.rustok.core.application.content.CreateNodeCommand;
import io.rustok.core.application.content.TranslationInput;
import io.rustok.core.application.content.UpdateNodeCommand;
import io.rustok.core.domain.content.Body;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.content.Translation;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.shared.ValidationException;
import io.rustok.core.domain.tenancy.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request and response bodies of the node routes.
 *
 * <p>A translation or body without a {@code locale} gets the tenant's first locale. A tenant with
 * no locales has no default, and then the locale is required.
 */
final class NodeJson {
  private NodeJson() {}

  /**
   * Body of {@code POST /api/nodes}, in which kind and one translation with a title are required.
   */
  record CreateRequest(
      String kind,
      String status,
      @NullAllowed String parentId,
      Integer position,
      @JsonSetter(contentNulls = Nulls.SET) Map<String, Object> metadata,
      List<TranslationRequest> translations,
      List<BodyRequest> bodies) {
    CreateNodeCommand toCommand(Tenant tenant) {
      if (translations == null) {
        throw new ValidationException(
            "translations", "is required: give at least one translation with a title");
      }
      return new CreateNodeCommand(
          tenant.id(),
          new NodeKind(kind),
          status == null ? NodeStatus.DRAFT : NodeStatus.parse(status, "status"),
          Optional.ofNullable(parentId).map(id -> NodeId.parse(id, "parentId")),
          position == null ? 0 : position,
          metadata == null ? Map.of() : metadata,
          translationInputs(translations, tenant),
          bodies == null ? List.of() : bodyValues(bodies, tenant));
    }
  }

  /**
   * Body of {@code PATCH /api/nodes/{id}}, in which every field is optional. Translations and
   * bodies are merged by locale, and metadata replaces the whole object.
   */
  record UpdateRequest(
      Integer position,
      @JsonSetter(contentNulls = Nulls.SET) Map<String, Object> metadata,
      List<TranslationRequest> translations,
      List<BodyRequest> bodies) {
    UpdateNodeCommand toCommand(Tenant tenant, NodeId id, long expectedVersion) {
      return new UpdateNodeCommand(
          tenant.id(),
          id,
          expectedVersion,
          Optional.ofNullable(position),
          Optional.ofNullable(metadata),
          translations == null ? List.of() : translationInputs(translations, tenant),
          bodies == null ? List.of() : bodyValues(bodies, tenant));
    }
  }

  /** A translation, whose slug is derived from the title when it is missing or null. */
  record TranslationRequest(
      String locale, String title, @NullAllowed String slug, @NullAllowed String excerpt) {
    TranslationInput toInput(String field, Optional<LocaleCode> defaultLocale) {
      LocaleCode code = parseLocale(locale, field, defaultLocale);
      // Checked before a slug is derived from the title, so a blank title is reported as such.
      FieldPaths.at(
          field + ".title", () -> Require.text(title, "title", Translation.MAX_TITLE_LENGTH));
      Optional<Slug> given =
          Optional.ofNullable(slug)
              .map(text -> FieldPaths.at(field + ".slug", () -> Slug.of(text)));
      TranslationInput input =
          FieldPaths.within(
              field,
              () -> new TranslationInput(code, title, given, Optional.ofNullable(excerpt), field));
      // Building the translation here checks title and excerpt while the field path is known.
      FieldPaths.within(field, input::toTranslation);
      return input;
    }
  }

  record BodyRequest(String locale, String body) {
    Body toBody(String field, Optional<LocaleCode> defaultLocale) {
      LocaleCode code = parseLocale(locale, field, defaultLocale);
      return FieldPaths.within(field, () -> new Body(code, body));
    }
  }

  record View(
      String id,
      String tenantId,
      String kind,
      String status,
      String authorId,
      String parentId,
      int position,
      Map<String, Object> metadata,
      List<TranslationView> translations,
      List<BodyView> bodies,
      long version,
      Instant createdAt,
      Instant updatedAt,
      Instant publishedAt) {
    static View of(Node node) {
      return new View(
          node.id().toString(),
          node.tenantId().toString(),
          node.kind().value(),
          node.status().wireName(),
          node.authorId().map(ActorId::toString).orElse(null),
          node.parentId().map(NodeId::toString).orElse(null),
          node.position(),
          node.metadata(),
          node.translations().stream().map(TranslationView::of).toList(),
          node.bodies().stream().map(BodyView::of).toList(),
          node.version(),
          node.createdAt(),
          node.updatedAt(),
          node.publishedAt().orElse(null));
    }
  }

  record TranslationView(String locale, String title, String slug, String excerpt) {
    static TranslationView of(Translation translation) {
      return new TranslationView(
          translation.locale().value(),
          translation.title(),
          translation.slug().value(),
          translation.excerpt().orElse(null));
    }
  }

  record BodyView(String locale, String body) {
    static BodyView of(Body body) {
      return new BodyView(body.locale().value(), body.text());
    }
  }

  /** One page of {@code GET /api/nodes}, whose {@code nextCursor} is null on the last page. */
  record Page(List<View> items, String nextCursor) {}

  private static List<TranslationInput> translationInputs(
      List<TranslationRequest> requests, Tenant tenant) {
    Optional<LocaleCode> defaultLocale = defaultLocale(tenant);
    List<TranslationInput> inputs = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      inputs.add(requests.get(i).toInput("translations[" + i + "]", defaultLocale));
    }
    return inputs;
  }

  private static List<Body> bodyValues(List<BodyRequest> requests, Tenant tenant) {
    Optional<LocaleCode> defaultLocale = defaultLocale(tenant);
    List<Body> bodies = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      bodies.add(requests.get(i).toBody("bodies[" + i + "]", defaultLocale));
    }
    return bodies;
  }

  private static Optional<LocaleCode> defaultLocale(Tenant tenant) {
    return tenant.locales().stream().findFirst();
  }

  private static LocaleCode parseLocale(
      String text, String field, Optional<LocaleCode> defaultLocale) {
    if (text == null) {
      return defaultLocale.orElseThrow(
          () ->
              new ValidationException(
                  field + ".locale", "is required, because the tenant has no default locale"));
    }
    return FieldPaths.at(field + ".locale", () -> LocaleCode.of(text));
  }
}
