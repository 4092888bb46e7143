package io.rustok.core.adapters.http;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Reads request bodies and writes response bodies with one strictly configured Jackson mapper.
 * Javalin's own JSON mapping is never used, so these rules are the only ones in force.
 *
 * <p>Reading takes two steps after {@link RequestBodyReader} has read the body as UTF-8 text. The
 * body is first parsed into a tree. Anything that is not exactly one well-formed JSON object in
 * UTF-8 is {@code invalid-json}: a syntax error, invalid UTF-8, text in UTF-16 or UTF-32, a
 * repeated key, content after the object, an empty body, or nesting deeper than {@value
 * #MAX_NESTING_DEPTH} levels. Then every string and key in the tree is checked for text that
 * PostgreSQL cannot store, and the tree is bound to a request record. Every failure from then on is
 * {@code invalid-field} and names the field by its path, such as {@code translations[0].title}.
 *
 * <p>Binding is strict on purpose:
 *
 * <ul>
 *   <li>Unknown properties are rejected. Otherwise a misspelt optional field (say {@code "exerpt"})
 *       would be dropped without a word, and the client would never learn that its data was lost.
 *       The price is that a client must not send fields that this version does not know.
 *   <li>Scalars are never coerced: {@code "position": "3"}, {@code "position": 1.5} and {@code
 *       "title": 5} are rejected instead of guessed at.
 *   <li>An explicit {@code null} is rejected, except on components marked {@link NullAllowed} and
 *       inside free-form objects such as node metadata. Jackson cannot do this for records by
 *       itself, because it treats a missing creator property like a null one, so {@link
 *       #rejectNulls} walks the tree against the record components before binding.
 * </ul>
 */
final class JsonCodec {
  static final int MAX_NESTING_DEPTH = 64;
  static final String JSON_CONTENT_TYPE = "application/json";

  private final ObjectMapper mapper = strictMapper();
  private final RequestBodyReader bodies;

  JsonCodec(long maxBodyBytes) {
    this.bodies = new RequestBodyReader(maxBodyBytes);
  }

  private static ObjectMapper strictMapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();
    return JsonMapper.builder(factory)
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(
            LogicalType.Textual,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
        .build();
  }

  /**
   * Reads the request body as an instance of {@code type}.
   *
   * @throws HttpProblem {@code unsupported-media-type}, {@code payload-too-large}, {@code
   *     invalid-json} or {@code invalid-field}
   * @throws io.javalin.http.HttpResponseException with a 4xx status when the body cannot be read
   */
  <T> T read(Context ctx, Class<T> type) {
    JsonNode tree = parse(bodies.readText(ctx));
    StorableText.check(tree);
    return bind(tree, type);
  }

  /** Writes {@code body} as JSON with the given status. */
  void write(Context ctx, int status, Object body) {
    ctx.status(status).contentType(JSON_CONTENT_TYPE).result(toBytes(body));
  }

  byte[] toBytes(Object body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("response body could not be written as JSON", e);
    }
  }

  private JsonNode parse(String text) {
    JsonNode tree;
    try {
      tree = mapper.readTree(text);
    } catch (StreamConstraintsException e) {
      throw HttpProblem.of(
          ProblemType.INVALID_JSON,
          "The request body exceeds a JSON parser limit, such as nesting deeper than "
              + MAX_NESTING_DEPTH
              + " levels or a number with too many digits.");
    } catch (JsonParseException e) {
      if (isLoneSurrogateInKey(e)) {
        throw loneSurrogateInKey(e);
      }
      throw HttpProblem.of(ProblemType.INVALID_JSON, syntaxError(e));
    } catch (MismatchedInputException e) {
      throw HttpProblem.of(
          ProblemType.INVALID_JSON, "The request body has content after its JSON value.");
    } catch (IOException e) {
      throw HttpProblem.of(ProblemType.INVALID_JSON, "The request body is not valid JSON.");
    }
    if (tree == null || tree.isMissingNode()) {
      throw HttpProblem.of(ProblemType.INVALID_JSON, "The request body is empty; send an object.");
    }
    if (!tree.isObject()) {
      throw HttpProblem.of(ProblemType.INVALID_JSON, "The request body must be a JSON object.");
    }
    return tree;
  }

  /**
   * Returns whether Jackson stopped at an unpaired surrogate escape in an object key. Jackson
   * (2.23) rejects one there as a syntax error, but passes one in a string value through to {@link
   * StorableText}. Both are valid JSON syntax that the stores cannot keep, so both are reported as
   * {@code invalid-field}. Jackson marks this failure by its message only, as it does a repeated
   * key.
   */
  private static boolean isLoneSurrogateInKey(JsonParseException e) {
    String message = e.getOriginalMessage();
    return message != null && message.contains("surrogate") && message.contains("in field name");
  }

  /**
   * Names the object that contains the bad key, such as {@code metadata}. The key itself cannot be
   * named, because Jackson stops in the middle of it.
   */
  private static HttpProblem loneSurrogateInKey(JsonParseException e) {
    String reason = "has a key that must not contain an unpaired surrogate (U+D800 to U+DFFF)";
    String path =
        e.getProcessor() == null ? "" : enclosingPath(e.getProcessor().getParsingContext());
    if (path.isEmpty()) {
      return HttpProblem.of(ProblemType.INVALID_FIELD, "The request body " + reason + ".");
    }
    return HttpProblem.invalidField(path, reason);
  }

  /** Returns the path of the object or array that {@code context} reads, such as {@code a[0]}. */
  private static String enclosingPath(JsonStreamContext context) {
    JsonStreamContext parent = context.getParent();
    if (parent == null || parent.inRoot()) {
      return "";
    }
    String parentPath = enclosingPath(parent);
    if (parent.inArray()) {
      return parentPath + "[" + parent.getCurrentIndex() + "]";
    }
    return parentPath.isEmpty()
        ? parent.getCurrentName()
        : parentPath + "." + parent.getCurrentName();
  }

  private static String syntaxError(JsonParseException e) {
    String message = e.getOriginalMessage();
    if (message != null && message.startsWith("Duplicate field")) {
      return "The request body repeats a key in one object" + at(e.getLocation()) + ".";
    }
    return "The request body is not valid JSON" + at(e.getLocation()) + ".";
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private <T> T bind(JsonNode tree, Class<T> type) {
    rejectNulls(tree, type, "");
    try {
      return mapper.treeToValue(tree, type);
    } catch (UnrecognizedPropertyException e) {
      throw HttpProblem.invalidField(path(e), "is not a known field");
    } catch (InvalidNullException e) {
      throw HttpProblem.invalidField(path(e), "must not be null");
    } catch (MismatchedInputException e) {
      throw HttpProblem.invalidField(path(e), "must be " + expected(e.getTargetType()));
    } catch (JsonMappingException e) {
      throw HttpProblem.invalidField(path(e), "has an invalid value");
    } catch (JsonProcessingException e) {
      throw HttpProblem.of(ProblemType.INVALID_FIELD, "A field has a value out of range.");
    }
  }

  /**
   * Rejects explicit nulls on the components of {@code type} that are not {@link NullAllowed},
   * descending into components that are records or lists of records.
   */
  private static void rejectNulls(JsonNode object, Class<?> type, String path) {
    if (!type.isRecord() || !object.isObject()) {
      return;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      JsonNode value = object.get(component.getName());
      String field = path.isEmpty() ? component.getName() : path + "." + component.getName();
      if (value == null) {
        continue;
      }
      if (value.isNull()) {
        if (!component.isAnnotationPresent(NullAllowed.class)) {
          throw HttpProblem.invalidField(field, "must not be null; leave it out instead");
        }
      } else if (value.isObject()) {
        rejectNulls(value, component.getType(), field);
      } else if (value.isArray()
          && component.getGenericType() instanceof ParameterizedType list
          && list.getActualTypeArguments()[0] instanceof Class<?> itemType) {
        for (int i = 0; i < value.size(); i++) {
          rejectNulls(value.get(i), itemType, field + "[" + i + "]");
        }
      }
    }
  }

  /** Builds a path such as {@code translations[0].title} from where Jackson stopped. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "of another type";
  }
}
