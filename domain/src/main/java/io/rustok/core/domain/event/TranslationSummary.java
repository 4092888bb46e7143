package io.rustok.core.domain.event;

import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;

/** Locale, title and slug of a node's translation, as carried in events. */
public record TranslationSummary(LocaleCode locale, String title, Slug slug) {}
