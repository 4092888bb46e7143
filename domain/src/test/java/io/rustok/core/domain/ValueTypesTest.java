package io.rustok.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.shared.TraceParent;
import io.rustok.core.domain.shared.ValidationException;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

  @ParameterizedTest
  @CsvSource({
    "Hello World, hello-world",
    "  Crème brûlée!  , creme-brulee",
    "ÅNGSTRÖM -- 2026, angstrom-2026",
    "a_b.c, a-b-c"
  })
  void slugFromTitleKeepsAsciiLettersAndDigits(String title, String expected) {
    assertThat(Slug.fromTitle(title, "slug").value()).isEqualTo(expected);
  }

  @Test
  void slugFromTitleWithoutLettersIsRejectedNamingTheField() {
    assertThatThrownBy(() -> Slug.fromTitle("!!! ???", "translations[0].slug"))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("translations[0].slug");
  }

  @Test
  void slugFromLongTitleIsCutWithoutTrailingHyphen() {
    String title = "word ".repeat(100);

    Slug slug = Slug.fromTitle(title, "slug");

    assertThat(slug.value()).hasSizeLessThanOrEqualTo(Slug.MAX_LENGTH).doesNotEndWith("-");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Hello", "a--b", "-a", "a-", "a b", "ü"})
  void slugRejectsInvalidText(String text) {
    assertThatThrownBy(() -> Slug.of(text)).isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "Acme.Example.COM, acme.example.com",
    "acme.example.com., acme.example.com",
    "bücher.example, xn--bcher-kva.example",
    "BÜCHER.example, xn--bcher-kva.example"
  })
  void hostNameIsNormalised(String text, String expected) {
    assertThat(HostName.parse(text).value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "[::1]",
        "::1",
        "127.0.0.1",
        "a..b",
        "-a.example",
        "a-.example",
        "a b.example",
        "acme.example.com..",
        "acme.example.com:80"
      })
  void hostNameRejectsAddressesAndMalformedNames(String text) {
    assertThatThrownBy(() -> HostName.parse(text)).isInstanceOf(ValidationException.class);
  }

  @Test
  void hostNameRejectsOverlongNames() {
    String label = "a".repeat(63);
    String host = String.join(".", label, label, label, label, "com");

    assertThatThrownBy(() -> HostName.parse(host)).isInstanceOf(ValidationException.class);
  }

  @Test
  void hostNameConstructorAcceptsOnlyNormalisedText() {
    assertThatThrownBy(() -> new HostName("Acme.example.com"))
        .isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @CsvSource({"en, en", "EN, en", "pt-br, pt-BR", "zh-Hant-TW, zh-Hant-TW"})
  void localeCodeIsNormalised(String text, String expected) {
    assertThat(LocaleCode.of(text).value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "e", "english", "en_US", "en-", "1n"})
  void localeCodeRejectsInvalidTags(String text) {
    assertThatThrownBy(() -> LocaleCode.of(text)).isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Post", "", "1post", "post kind"})
  void nodeKindRejectsInvalidNames(String text) {
    assertThatThrownBy(() -> new NodeKind(text)).isInstanceOf(ValidationException.class);
  }

  @Test
  void traceParentAcceptsVersionZeroAndRejectsZeroIds() {
    String valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    assertThat(new TraceParent(valid).value()).isEqualTo(valid);
    assertThatThrownBy(
            () -> new TraceParent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> new TraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new TraceParent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f0-01"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void correlationIdRejectsControlCharactersAndOverlongValues() {
    assertThatThrownBy(() -> new CorrelationId("a\nb")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new CorrelationId("x".repeat(129)))
        .isInstanceOf(ValidationException.class);
    assertThat(new CorrelationId("req-1").value()).isEqualTo("req-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1-1-1-1-1", "not-a-uuid", "3f1c2a9e00007000800000000000000a"})
  void idParsingAcceptsOnlyCanonicalUuids(String text) {
    assertThatThrownBy(() -> TenantId.parse(text, "id")).isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u00a0", "\u200b", "\u2800", "\u3164", "\ufeff", " \u2003 "})
  void textOfOnlyInvisibleCharactersIsBlank(String text) {
    assertThatThrownBy(() -> Require.text(text, "title", 10))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void textWithControlCharactersIsRejected() {
    assertThatThrownBy(() -> Require.text("a\u001b[31m", "name", 50))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("control characters");
  }

  @Test
  void textLengthCountsCharactersNotUtf16Units() {
    String emoji = "\uD83D\uDE00";

    assertThat(Require.text(emoji.repeat(10), "title", 10)).hasSize(20);
    assertThatThrownBy(() -> Require.text(emoji.repeat(11), "title", 10))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void tenantSlugShapedLikeUuidIsRejected() {
    assertThatThrownBy(
            () -> TenantBuilderless.tenantWithSlug("11111111-2222-3333-4444-555555555555"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("UUID");
  }
}
