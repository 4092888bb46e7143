package io.rustok.core.domain.event;

import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Slug;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node was created, with the translations and body locales it started with.
 *
 * <p>Version 2 added {@code primaryLocale} and {@code slug}, so that a consumer can link to the new
 * node without choosing among its translations. Version 1 data is read through {@link
 * #FROM_VERSION_1}, which takes both from the first translation, as version 2 does.
 *
 * @param primaryLocale locale of the node's primary translation, the first one it was created with
 * @param slug slug of the primary translation
 */
@EventSchema(type = NodeCreated.TYPE, version = 2)
public record NodeCreated(
    NodeId nodeId,
    NodeKind kind,
    NodeStatus status,
    Optional<NodeId> parentId,
    LocaleCode primaryLocale,
    Slug slug,
    List<TranslationSummary> translations,
    List<LocaleCode> bodyLocales)
    implements NodeEvent {
  static final String TYPE = "node.created";

  /** Reads version 1 data as version 2 by copying the first translation's locale and slug. */
  public static final EventUpcaster FROM_VERSION_1 =
      EventUpcaster.of(TYPE, 1, NodeCreated::addPrimaryTranslation);

  public NodeCreated {
    Require.present(translations, "translations");
    boolean listed =
        translations.stream()
            .anyMatch(
                translation ->
                    translation.locale().equals(primaryLocale) && translation.slug().equals(slug));
    Require.that(listed, "primaryLocale", "must be the locale of a translation, with its slug");
  }

  /** Creates the event with the first of {@code translations} as the primary translation. */
  public NodeCreated(
      NodeId nodeId,
      NodeKind kind,
      NodeStatus status,
      Optional<NodeId> parentId,
      List<TranslationSummary> translations,
      List<LocaleCode> bodyLocales) {
    this(
        nodeId,
        kind,
        status,
        parentId,
        first(translations).locale(),
        first(translations).slug(),
        translations,
        bodyLocales);
  }

  private static TranslationSummary first(List<TranslationSummary> translations) {
    Require.present(translations, "translations");
    Require.that(!translations.isEmpty(), "translations", "must have at least one entry");
    return translations.getFirst();
  }

  private static Map<String, Object> addPrimaryTranslation(Map<String, Object> data) {
    if (!(data.get("translations") instanceof List<?> translations)
        || translations.isEmpty()
        || !(translations.getFirst() instanceof Map<?, ?> primary)) {
      throw new IllegalArgumentException(
          "translations must be a non-empty array of objects to find the primary translation");
    }
    data.put("primaryLocale", primary.get("locale"));
    data.put("slug", primary.get("slug"));
    return data;
  }

  /**
   * Shape of version 1, kept so that the schema catalog still publishes it. It is not an event: no
   * code creates it, and version 1 data is read as version 2.
   */
  @EventSchema(type = TYPE, version = 1)
  public record Version1(
      NodeId nodeId,
      NodeKind kind,
      NodeStatus status,
      Optional<NodeId> parentId,
      List<TranslationSummary> translations,
      List<LocaleCode> bodyLocales) {}
}
