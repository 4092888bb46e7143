package io.rustok.core.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request written byte for byte over a plain socket, for headers that {@link
 * java.net.http.HttpClient} will not send as given, such as a missing, empty or repeated {@code
 * Host}.
 */
final class RawHttp {
  private RawHttp() {}

  /** A response: its status code and the body after the blank line, as UTF-8. */
  record Response(int status, String head, String body) {}

  /**
   * Sends {@code head}, whose lines end with CRLF and which must ask the server to close the
   * connection, and returns the response once the server has closed it.
   */
  static Response send(int port, byte[] head) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      in.transferTo(received);
      String text = received.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String responseHead = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      int status = Integer.parseInt(responseHead.substring(9, 12));
      return new Response(status, responseHead, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a GET of {@code path} with the given header lines and {@code Connection: close}. */
  static Response get(int port, String version, String path, String... headerLines) {
    StringBuilder request = new StringBuilder("GET " + path + " " + version + "\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    return send(port, request.toString().getBytes(StandardCharsets.UTF_8));
  }
}
