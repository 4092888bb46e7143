package io.rustok.core.adapters.http;

/**
 * Stable problem types of the HTTP API. Each becomes the {@code type} member of an RFC 9457 {@code
 * application/problem+json} body as {@value #BASE_URI}{@code <slug>}. Clients may branch on the
 * type, but titles and details are for people and may change.
 */
public enum ProblemType {
  /** The body is not exactly one well-formed JSON object. */
  INVALID_JSON("invalid-json", 400, "Invalid JSON"),
  /** A field or query parameter is missing, has the wrong type or an invalid value. */
  INVALID_FIELD("invalid-field", 400, "Invalid field"),
  /** A request header is missing or malformed. */
  INVALID_HEADER("invalid-header", 400, "Invalid header"),
  /**
   * In host mode, the header that names the request's host is missing, empty, repeated or
   * malformed.
   */
  INVALID_HOST("invalid-host", 400, "Invalid host"),
  /** The request's tenant does not exist, or the request names it by an IP address. */
  TENANT_NOT_FOUND("tenant-not-found", 404, "Tenant not found"),
  /** The node, tenant or event named in the path does not exist (in this tenant). */
  NOT_FOUND("not-found", 404, "Not found"),
  /** No route matches the path. */
  ROUTE_NOT_FOUND("route-not-found", 404, "Route not found"),
  /** The path exists but not for this method. */
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
  /** A unique value, such as a slug, is already taken. */
  CONFLICT("conflict", 409, "Conflict"),
  /**
   * The stored event exists, but this version of the service cannot read its payload: its type or
   * schema version is unknown here, or the payload is damaged.
   */
  EVENT_UNREADABLE("event-unreadable", 409, "Event unreadable"),
  /** {@code If-Match} names a version that is no longer the stored one. */
  VERSION_CONFLICT("version-conflict", 412, "Version conflict"),
  /** The body is larger than the configured maximum. */
  PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
  /** The body is not declared as UTF-8 JSON. */
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
  /** The request must carry {@code If-Match} but has none. */
  PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required"),
  /** The tenant could not be looked up now: its load failed or did not finish in time. */
  TENANT_UNAVAILABLE("tenant-unavailable", 503, "Tenant unavailable"),
  /**
   * The database could not be reached: no connection could be opened or taken from the pool, or the
   * connection broke. When a connection breaks during a commit, the change may have been committed,
   * so a client that retries should read first or send the same version again.
   */
  STORAGE_UNAVAILABLE("storage-unavailable", 503, "Storage unavailable"),
  /** An unexpected failure, described in the server log under the request's correlation id. */
  INTERNAL("internal", 500, "Internal server error");

  public static final String BASE_URI = "https://rustok.io/problems/";

  private final String slug;
  private final int status;
  private final String title;

  ProblemType(String slug, int status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  public String slug() {
    return slug;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** Returns the {@code type} URI, such as {@code https://rustok.io/problems/invalid-json}. */
  public String uri() {
    return BASE_URI + slug;
  }
}
