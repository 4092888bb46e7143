package io.rustok.core.adapters.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rustok.core.adapters.http.tenancy.RequestHost;
import io.rustok.core.adapters.http.tenancy.TenantLookupException;
import io.rustok.core.adapters.http.tenancy.TenantSource;
import io.rustok.core.application.tenancy.TenantReference;
import io.rustok.core.domain.shared.ValidationException;
import io.rustok.core.domain.tenancy.Tenant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the tenant of a request from the configured {@link TenantSource}: {@value
 * #TENANT_HEADER}, the request's host, or the one default tenant.
 *
 * <p>Every resolution is timed as {@code rustok_tenant_resolution_seconds} with two tags only:
 * {@code source} (header, host or disabled) and {@code outcome} (found, not_found, invalid,
 * unavailable or error). A malformed header or host is rejected before the resolver is called.
 */
final class TenantScope {
  static final String TENANT_HEADER = "X-Tenant-ID";

  private static final Logger log = LoggerFactory.getLogger(TenantScope.class);
  private static final List<String> OUTCOMES =
      List.of("found", "not_found", "invalid", "unavailable", "error");

  private final TenantResolver resolver;
  private final TenantSource source;
  private final Map<String, Timer> timers;

  TenantScope(TenantResolver resolver, TenantSource source, MeterRegistry registry) {
    this.resolver = resolver;
    this.source = source;
    this.timers = timers(registry, source);
  }

  /**
   * Returns the request's tenant.
   *
   * @throws HttpProblem {@code invalid-header} or {@code invalid-host} when the header that names
   *     the tenant is missing or malformed, {@code tenant-not-found} when it names no tenant, and
   *     {@code tenant-unavailable} when the lookup failed or timed out
   */
  Tenant tenant(Context ctx) {
    long start = System.nanoTime();
    String outcome = "error";
    try {
      Tenant tenant = resolve(ctx);
      outcome = "found";
      return tenant;
    } catch (HttpProblem problem) {
      outcome = outcomeOf(problem.type());
      throw problem;
    } finally {
      timers.get(outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  private Tenant resolve(Context ctx) {
    return switch (source) {
      case TenantSource.Header header -> fromTenantHeader(ctx);
      case TenantSource.Host host -> fromHost(ctx, host);
      case TenantSource.Disabled disabled ->
          find(disabled.defaultTenant(), null, "The configured default tenant does not exist.");
    };
  }

  private Tenant fromTenantHeader(Context ctx) {
    TenantReference reference;
    try {
      reference = TenantReference.parse(ctx.header(TENANT_HEADER), TENANT_HEADER);
    } catch (ValidationException e) {
      throw HttpProblem.forHeader(
          ProblemType.INVALID_HEADER, TENANT_HEADER, TENANT_HEADER + " " + e.reason() + ".");
    }
    return find(
        reference, TENANT_HEADER, "No tenant has the id or slug given in " + TENANT_HEADER + ".");
  }

  private Tenant fromHost(Context ctx, TenantSource.Host host) {
    RequestHost requestHost =
        RequestHost.of(
            ctx.req().getRemoteAddr(),
            host.trustedProxies(),
            name -> Collections.list(ctx.req().getHeaders(name)));
    return switch (requestHost) {
      case RequestHost.Named named ->
          find(
              new TenantReference.ByHost(named.host()),
              named.header(),
              "No tenant has the host name given in " + named.header() + ".");
      case RequestHost.IpAddress address ->
          throw HttpProblem.forHeader(
              ProblemType.TENANT_NOT_FOUND,
              address.header(),
              address.header()
                  + " names an IP address, which is never a tenant's host; use a host name.");
      case RequestHost.Invalid invalid ->
          throw HttpProblem.forHeader(
              ProblemType.INVALID_HOST,
              invalid.header(),
              invalid.header() + " " + invalid.reason() + ".");
    };
  }

  /**
   * Looks the reference up.
   *
   * @param header the header that named it, or null when no header did
   */
  private Tenant find(TenantReference reference, String header, String notFoundDetail) {
    try {
      return resolver
          .find(reference)
          .orElseThrow(() -> problem(ProblemType.TENANT_NOT_FOUND, header, notFoundDetail));
    } catch (TenantLookupException e) {
      log.debug("Tenant lookup failed reason={}", e.reason());
      throw problem(
          ProblemType.TENANT_UNAVAILABLE,
          header,
          "The tenant could not be looked up now; retry the request later.");
    }
  }

  private static HttpProblem problem(ProblemType type, String header, String detail) {
    return header == null
        ? HttpProblem.of(type, detail)
        : HttpProblem.forHeader(type, header, detail);
  }

  private static String outcomeOf(ProblemType type) {
    return switch (type) {
      case TENANT_NOT_FOUND -> "not_found";
      case INVALID_HEADER, INVALID_HOST -> "invalid";
      case TENANT_UNAVAILABLE -> "unavailable";
      default -> "error";
    };
  }

  private static Map<String, Timer> timers(MeterRegistry registry, TenantSource source) {
    Map<String, Timer> timers = new HashMap<>();
    for (String outcome : OUTCOMES) {
      timers.put(
          outcome,
          Timer.builder("rustok.tenant.resolution")
              .description("Time to resolve the tenant of a request, by source and outcome")
              .tag("source", source.tagValue())
              .tag("outcome", outcome)
              .register(registry));
    }
    return Map.copyOf(timers);
  }
}
