package io.rustok.core.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Rejects request text that the stores cannot keep: the NUL character, which PostgreSQL allows in
 * neither {@code text} nor {@code jsonb}, and unpaired UTF-16 surrogates, which are not Unicode
 * text at all and cannot be encoded as UTF-8. Every string value and every object key of every
 * request body passes through here, so no use case needs to repeat the check.
 */
final class StorableText {
  private StorableText() {}

  /**
   * Checks every string and key under {@code root}.
   *
   * @throws HttpProblem {@code invalid-field} naming the path of the first bad string
   */
  static void check(JsonNode root) {
    check(root, "");
  }

  private static void check(JsonNode node, String path) {
    if (node.isTextual()) {
      checkString(node.textValue(), path);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        if (problem(key) != null) {
          throw HttpProblem.invalidField(
              child(path, printable(key)), "has a key that " + problem(key));
        }
        check(field.getValue(), child(path, key));
      }
    }
  }

  private static void checkString(String value, String path) {
    String problem = problem(value);
    if (problem != null) {
      throw HttpProblem.invalidField(path, problem);
    }
  }

  /** Returns what is wrong with {@code text}, or null if it can be stored. */
  private static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return "must not contain the NUL character (U+0000)";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must not contain an unpaired surrogate (U+D800 to U+DFFF)";
      }
    }
    return null;
  }

  /** Replaces the characters that {@link #problem} rejects, so a bad key can be named safely. */
  private static String printable(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < key.length()
          && Character.isLowSurrogate(key.charAt(i + 1))) {
        out.append(c).append(key.charAt(++i));
      } else if (c == '\u0000' || Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
