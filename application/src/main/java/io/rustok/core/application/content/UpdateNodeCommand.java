package io.rustok.core.application.content;

import io.rustok.core.domain.content.Body;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Changes a node the caller read at {@code expectedVersion}. Absent fields stay as they are;
 * translations and bodies are merged by locale, so a locale that is not named keeps its text, and a
 * translation that leaves out its slug or excerpt keeps the stored one.
 *
 * @param metadata replaces the whole metadata object when present
 */
public record UpdateNodeCommand(
    TenantId tenantId,
    NodeId nodeId,
    long expectedVersion,
    Optional<Integer> position,
    Optional<Map<String, Object>> metadata,
    List<TranslationInput> translations,
    List<Body> bodies) {
  public UpdateNodeCommand {
    Require.notNull(tenantId, "tenantId");
    Require.notNull(nodeId, "nodeId");
    Require.notNull(position, "position");
    Require.notNull(metadata, "metadata");
    translations = List.copyOf(Require.notNull(translations, "translations"));
    bodies = List.copyOf(Require.notNull(bodies, "bodies"));
    requireOnePerLocale(
        translations.stream().map(TranslationInput::locale).toList(), "translations");
    requireOnePerLocale(bodies.stream().map(Body::locale).toList(), "bodies");
  }

  private static void requireOnePerLocale(List<LocaleCode> locales, String field) {
    Set<LocaleCode> seen = new HashSet<>();
    for (LocaleCode locale : locales) {
      Require.that(seen.add(locale), field, "must not repeat locale " + locale);
    }
  }
}
