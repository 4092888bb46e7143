package io.rustok.core.testing;

import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Builder of valid {@link Tenant}s. By default: a unique id, slug and host name, a name made from
 * the slug, locale {@code en}, version 1, created and updated at {@link
 * MutableClock#DEFAULT_START}.
 */
public final class TenantBuilder {
  private TenantId id = Unique.tenantId();
  private Slug slug = Unique.slug("tenant");
  private String name;
  private List<HostName> hosts = List.of(Unique.hostName());
  private List<LocaleCode> locales = List.of(LocaleCode.of("en"));
  private long version = 1;
  private Instant createdAt = MutableClock.DEFAULT_START;
  private Instant updatedAt = MutableClock.DEFAULT_START;

  private TenantBuilder() {}

  public static TenantBuilder aTenant() {
    return new TenantBuilder();
  }

  /**
   * Returns a builder that starts from every field of {@code tenant}. Call {@link #nextVersion} to
   * build the change that an update stores.
   */
  public static TenantBuilder from(Tenant tenant) {
    TenantBuilder builder = new TenantBuilder();
    builder.id = tenant.id();
    builder.slug = tenant.slug();
    builder.name = tenant.name();
    builder.hosts = tenant.hosts();
    builder.locales = tenant.locales();
    builder.version = tenant.version();
    builder.createdAt = tenant.createdAt();
    builder.updatedAt = tenant.updatedAt();
    return builder;
  }

  public TenantBuilder withId(TenantId id) {
    this.id = id;
    return this;
  }

  public TenantBuilder withSlug(String slug) {
    return withSlug(Slug.of(slug));
  }

  public TenantBuilder withSlug(Slug slug) {
    this.slug = slug;
    return this;
  }

  public TenantBuilder withName(String name) {
    this.name = name;
    return this;
  }

  /** Sets the host names, each parsed as a client may write it. */
  public TenantBuilder withHosts(String... hosts) {
    this.hosts = Arrays.stream(hosts).map(HostName::parse).toList();
    return this;
  }

  public TenantBuilder withHosts(HostName... hosts) {
    this.hosts = List.of(hosts);
    return this;
  }

  public TenantBuilder withoutHosts() {
    this.hosts = List.of();
    return this;
  }

  public TenantBuilder withLocales(String... locales) {
    this.locales = Arrays.stream(locales).map(LocaleCode::of).toList();
    return this;
  }

  public TenantBuilder withVersion(long version) {
    this.version = version;
    return this;
  }

  /** Advances the version by one, as {@link Tenant#revise} does. */
  public TenantBuilder nextVersion() {
    this.version++;
    return this;
  }

  /** Sets both the creation and the update time. */
  public TenantBuilder createdAt(Instant instant) {
    this.createdAt = instant;
    this.updatedAt = instant;
    return this;
  }

  public TenantBuilder updatedAt(Instant instant) {
    this.updatedAt = instant;
    return this;
  }

  public Tenant build() {
    String effectiveName = name != null ? name : "Tenant " + slug;
    return new Tenant(id, slug, effectiveName, hosts, locales, version, createdAt, updatedAt);
  }
}
