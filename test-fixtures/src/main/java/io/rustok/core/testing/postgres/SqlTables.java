package io.rustok.core.testing.postgres;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds table names in SQL text by pattern, without parsing SQL. A name counts when it follows
 * {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE} or {@code TABLE} (optionally after
 * {@code ONLY}, {@code LATERAL} or {@code IF [NOT] EXISTS}).
 *
 * <p>Unquoted names are lowercased, quotes are removed, and a schema prefix is dropped. String
 * literals and comments are ignored, and so are {@code FOR UPDATE}, {@code FOR SHARE} and {@code ON
 * CONFLICT ... DO UPDATE}. A name followed by {@code (} after {@code FROM} or {@code JOIN} is a
 * function call and is skipped.
 *
 * <p>Note that only the first table of a comma-separated {@code FROM} list is found, the table
 * after {@code DELETE ... USING} is missed, a common table expression counts under its own name,
 * and a column that follows {@code FROM} inside a function such as {@code EXTRACT(YEAR FROM
 * created_at)} counts as a table.
 */
final class SqlTables {
  private static final Pattern LITERALS_AND_COMMENTS =
      Pattern.compile("'(?:[^']|'')*'|--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern LOCKING_AND_UPSERT =
      Pattern.compile(
          "\\bfor\\s+(?:no\\s+key\\s+)?update\\b|\\bfor\\s+(?:key\\s+)?share\\b|\\bdo\\s+update\\b",
          Pattern.CASE_INSENSITIVE);
  private static final String IDENTIFIER = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
  private static final Pattern TABLE_REFERENCE =
      Pattern.compile(
          "\\b(from|join|into|update|table)\\s+"
              + "(?:only\\s+|lateral\\s+|if\\s+(?:not\\s+)?exists\\s+)?"
              + "("
              + IDENTIFIER
              + "(?:\\s*\\.\\s*"
              + IDENTIFIER
              + ")*)"
              + "(\\s*\\()?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LAST_PART = Pattern.compile(IDENTIFIER + "$");

  private SqlTables() {}

  /** Returns the table names found in {@code sql}, each once, in order of first appearance. */
  static Set<String> in(String sql) {
    String text = LITERALS_AND_COMMENTS.matcher(sql).replaceAll(" ");
    text = LOCKING_AND_UPSERT.matcher(text).replaceAll(" ");
    Set<String> tables = new LinkedHashSet<>();
    Matcher reference = TABLE_REFERENCE.matcher(text);
    while (reference.find()) {
      String keyword = reference.group(1).toLowerCase(Locale.ROOT);
      boolean functionCall =
          reference.group(3) != null && (keyword.equals("from") || keyword.equals("join"));
      if (!functionCall) {
        tables.add(unqualified(reference.group(2)));
      }
    }
    return tables;
  }

  private static String unqualified(String name) {
    Matcher last = LAST_PART.matcher(name.strip());
    if (!last.find()) {
      return name;
    }
    String part = last.group();
    if (part.startsWith("\"")) {
      return part.substring(1, part.length() - 1).replace("\"\"", "\"");
    }
    return part.toLowerCase(Locale.ROOT);
  }
}
