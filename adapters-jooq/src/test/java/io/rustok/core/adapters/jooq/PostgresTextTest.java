package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresTextTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\": \"plain\"}",
        "{\"title\": \"emoji \uD83C\uDF89\"}",
        "{\"title\": \"escaped pair \\uD83C\\uDF89\"}",
        "{\"title\": \"escaped backslash then u0000: \\\\u0000\"}",
        "{\"title\": \"tab \\u0009 and quote \\\" inside\"}",
        "{\"\\u00e9\": 1}"
      })
  void storableJsonHasNoProblem(String json) {
    assertThat(PostgresText.problemInJsonb(json)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\": \"raw \u0000 nul\"}",
        "{\"title\": \"escaped \\u0000 nul\"}",
        "{\"title\": \"raw lone \uD800 high\"}",
        "{\"title\": \"raw lone \uDC00 low\"}",
        "{\"title\": \"escaped lone \\uD800 high\"}",
        "{\"title\": \"escaped lone \\uDC00 low\"}",
        "{\"title\": \"escaped high at end \\uD800\"}",
        "{\"title\": \"escaped backslash hides no pair \\\\uD800\\uDC00\"}"
      })
  void unstorableJsonIsReported(String json) {
    assertThat(PostgresText.problemInJsonb(json)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "emoji \uD83C\uDF89", "backslash u0000 as text \\u0000"})
  void storableTextHasNoProblem(String text) {
    assertThat(PostgresText.problemInText(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nul \u0000", "lone \uD800", "lone \uDC00 low", "reversed \uDC00\uD800"})
  void unstorableTextIsReported(String text) {
    assertThat(PostgresText.problemInText(text)).isPresent();
  }
}
