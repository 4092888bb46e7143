package io.rustok.core.adapters.jooq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON form of node metadata for the {@code jsonb} column.
 *
 * <p>Note that {@code jsonb} keeps neither key order nor the Java type of a number. Metadata comes
 * back with keys in {@code jsonb}'s order, integral numbers as the narrowest of {@code Integer},
 * {@code Long} and {@code BigInteger}, and other numbers as {@code Double}. A very large {@code
 * Double} such as {@code 1e300} is printed by PostgreSQL without an exponent and so comes back as a
 * {@code BigInteger}.
 */
final class MetadataJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private MetadataJson() {}

  static String write(Map<String, Object> metadata) {
    try {
      return MAPPER.writeValueAsString(metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Node metadata cannot be written as JSON", e);
    }
  }

  static Map<String, Object> read(String json) {
    try {
      return MAPPER.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored node metadata is not a JSON object: " + json, e);
    }
  }
}
