package io.rustok.core.adapters.http.tenancy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parser of the RFC 7239 {@code Forwarded} header: a comma-separated list of elements, each a
 * semicolon-separated list of {@code name=value} pairs whose value is a token or a quoted string.
 * Quoted strings may contain commas and semicolons, so the header cannot be split naively.
 */
final class ForwardedHeader {
  /** Invalid {@code Forwarded} value; the message gives the position of the error. */
  static final class InvalidForwardedException extends Exception {
    InvalidForwardedException(String message) {
      super(message, null, false, false);
    }
  }

  private final String text;
  private int position;

  private ForwardedHeader(String text) {
    this.text = text;
  }

  /**
   * Parses the field value, with several header lines joined by commas, into its elements in order.
   * Parameter names are lowercased. Empty list elements are skipped, as RFC 9110 asks of a
   * recipient.
   *
   * @throws InvalidForwardedException if the text breaks the grammar or repeats a parameter within
   *     one element
   */
  static List<Map<String, String>> parse(String text) throws InvalidForwardedException {
    return new ForwardedHeader(text).elements();
  }

  private List<Map<String, String>> elements() throws InvalidForwardedException {
    List<Map<String, String>> elements = new ArrayList<>();
    Map<String, String> element = new LinkedHashMap<>();
    while (true) {
      skipWhitespace();
      if (atEnd()) {
        break;
      }
      char next = text.charAt(position);
      if (next == ',') {
        position++;
        addIfNotEmpty(elements, element);
        element = new LinkedHashMap<>();
      } else if (next == ';') {
        position++;
      } else {
        pair(element);
        skipWhitespace();
        if (!atEnd() && text.charAt(position) != ',' && text.charAt(position) != ';') {
          throw invalid("expected ',' or ';' after a parameter");
        }
      }
    }
    addIfNotEmpty(elements, element);
    return elements;
  }

  private void pair(Map<String, String> element) throws InvalidForwardedException {
    String name = token().toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      throw invalid("expected a parameter name");
    }
    if (atEnd() || text.charAt(position) != '=') {
      throw invalid("expected '=' after " + name);
    }
    position++;
    String value = !atEnd() && text.charAt(position) == '"' ? quotedString() : token();
    if (element.putIfAbsent(name, value) != null) {
      throw invalid("repeats the parameter " + name + " within one element");
    }
  }

  private String token() {
    int start = position;
    while (!atEnd() && isTokenChar(text.charAt(position))) {
      position++;
    }
    return text.substring(start, position);
  }

  private String quotedString() throws InvalidForwardedException {
    StringBuilder value = new StringBuilder();
    position++;
    while (!atEnd()) {
      char c = text.charAt(position++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\') {
        if (atEnd()) {
          break;
        }
        c = text.charAt(position++);
      }
      if (c < 0x20 && c != '\t' || c == 0x7F) {
        throw invalid("contains a control character");
      }
      value.append(c);
    }
    throw invalid("has an unterminated quoted string");
  }

  private void skipWhitespace() {
    while (!atEnd() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
      position++;
    }
  }

  private boolean atEnd() {
    return position >= text.length();
  }

  private static void addIfNotEmpty(
      List<Map<String, String>> elements, Map<String, String> element) {
    if (!element.isEmpty()) {
      elements.add(element);
    }
  }

  /** Returns whether {@code c} is a tchar of RFC 9110. */
  private static boolean isTokenChar(char c) {
    return c >= '0' && c <= '9'
        || c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private InvalidForwardedException invalid(String reason) {
    return new InvalidForwardedException(reason + " at character " + (position + 1));
  }
}
