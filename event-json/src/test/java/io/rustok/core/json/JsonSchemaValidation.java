package io.rustok.core.json;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Validates JSON text against a JSON Schema (draft 2020-12) with an independent validator, the
 * networknt one, with {@code format} checked as an assertion.
 */
final class JsonSchemaValidation {
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private JsonSchemaValidation() {}

  /** Returns the validator's messages for {@code json}, empty when it is valid. */
  static List<String> errors(String schema, String json) {
    Schema compiled = REGISTRY.getSchema(schema, InputFormat.JSON);
    return compiled.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  static String resource(String name) {
    try (InputStream in = JsonSchemaValidation.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
