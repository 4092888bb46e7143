package io.rustok.core.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request body as the text of a JSON document. The body must be declared as JSON, must not
 * exceed the maximum size, must arrive whole and must be UTF-8.
 */
final class RequestBodyReader {
  private static final Logger log = LoggerFactory.getLogger(RequestBodyReader.class);

  private final long maxBodyBytes;

  RequestBodyReader(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Reads the whole body and decodes it.
   *
   * @throws HttpProblem {@code unsupported-media-type}, {@code payload-too-large} or {@code
   *     invalid-json}
   * @throws HttpResponseException with a 4xx status when the body cannot be read
   */
  String readText(Context ctx) {
    requireJsonContentType(ctx);
    return decodeUtf8(readBody(ctx));
  }

  private static void requireJsonContentType(Context ctx) {
    String header = ctx.header("Content-Type");
    if (header == null || header.isBlank()) {
      throw unsupportedMediaType(
          "The request has a body but no Content-Type; send it as application/json.");
    }
    int parametersStart = header.indexOf(';');
    String mediaType =
        (parametersStart < 0 ? header : header.substring(0, parametersStart))
            .strip()
            .toLowerCase(Locale.ROOT);
    if (mediaType.isEmpty()) {
      throw unsupportedMediaType(
          "The Content-Type header names no media type; send the body as application/json.");
    }
    boolean json =
        mediaType.equals(JsonCodec.JSON_CONTENT_TYPE)
            || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    if (!json) {
      throw unsupportedMediaType("The body must be application/json, not " + mediaType + ".");
    }
    if (parametersStart >= 0) {
      requireUtf8Charset(header.substring(parametersStart + 1));
    }
  }

  /**
   * Rejects a {@code charset} parameter other than UTF-8. Empty parameters, as in {@code
   * application/json;;}, are skipped, because RFC 9110 (section 5.6.6) allows them. A parameter
   * without a value is malformed but names no charset, so it is skipped too.
   */
  private static void requireUtf8Charset(String parameters) {
    for (String parameter : parameters.split(";")) {
      String[] nameAndValue = parameter.split("=", 2);
      if (nameAndValue.length == 2 && nameAndValue[0].strip().equalsIgnoreCase("charset")) {
        String charset = nameAndValue[1].strip().replace("\"", "");
        if (!charset.equalsIgnoreCase("utf-8")) {
          throw unsupportedMediaType("JSON bodies must be encoded as UTF-8, not " + charset + ".");
        }
      }
    }
  }

  private static HttpProblem unsupportedMediaType(String detail) {
    return HttpProblem.forHeader(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type", detail);
  }

  /**
   * Reads the whole body, rejecting it up front when Content-Length already exceeds the maximum. A
   * chunked body, or one whose length is not declared, is cut off by Javalin while reading: {@link
   * HttpApi} sets Javalin's maximum request size to the same value, and Javalin's 413 is mapped to
   * the same problem by {@link ProblemResponses}.
   *
   * <p>A body that breaks HTTP framing, such as a malformed chunk or a connection that closes
   * before Content-Length bytes arrive, fails the read with an {@link IOException} or a Jetty
   * {@link HttpException}. Any client can cause that at will, so it becomes a plain 400 logged at
   * DEBUG, not an {@code internal} problem logged at ERROR. A client that has already gone receives
   * nothing, which is all that can be done for it.
   */
  private byte[] readBody(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw tooLarge(maxBodyBytes);
    }
    try {
      return ctx.bodyAsBytes();
    } catch (Exception e) {
      // Javalin rethrows the IOException of a failed read without declaring it.
      if (e instanceof IOException || e instanceof HttpException) {
        throw unreadableBody(e);
      }
      throw e;
    }
  }

  private static HttpResponseException unreadableBody(Exception failure) {
    int status = 400;
    if (failure instanceof HttpException jetty && jetty.getCode() >= 400 && jetty.getCode() < 500) {
      status = jetty.getCode();
    }
    log.debug("Reading the request body failed status={} failure={}", status, failure.toString());
    return new HttpResponseException(status, "The request body could not be read.");
  }

  static HttpProblem tooLarge(long maxBodyBytes) {
    return HttpProblem.of(
        ProblemType.PAYLOAD_TOO_LARGE,
        "The request body is larger than the maximum of " + maxBodyBytes + " bytes.");
  }

  /**
   * Decodes the body as UTF-8, the only encoding that RFC 8259 (section 8.1) allows for JSON
   * exchanged between systems. Jackson is given the decoded text, not the bytes, because from bytes
   * it would detect UTF-16 or UTF-32 by itself and accept a body in either.
   *
   * @throws HttpProblem {@code invalid-json} when the body is not valid UTF-8, or when it contains
   *     the NUL character, which JSON text never contains outside an escape and which UTF-16 and
   *     UTF-32 text decoded as UTF-8 always does
   */
  private static String decodeUtf8(byte[] body) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    // UTF-8 never decodes to more chars than it has bytes, so the output cannot overflow.
    CharBuffer out = CharBuffer.allocate(body.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw HttpProblem.of(
          ProblemType.INVALID_JSON,
          "The request body is not valid UTF-8 at byte " + in.position() + ".");
    }
    decoder.flush(out);
    out.flip();
    // RFC 8259 (section 8.1) lets a parser ignore a byte order mark, and some clients send one.
    if (out.hasRemaining() && out.get(0) == '\uFEFF') {
      out.position(1);
    }
    String text = out.toString();
    if (text.indexOf('\u0000') >= 0) {
      throw HttpProblem.of(
          ProblemType.INVALID_JSON,
          "The request body contains a NUL byte, as UTF-16 and UTF-32 text does; send JSON as"
              + " UTF-8.");
    }
    return text;
  }
}
