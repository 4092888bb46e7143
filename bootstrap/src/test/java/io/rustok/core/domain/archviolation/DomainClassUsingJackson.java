package io.rustok.core.domain.archviolation;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A class in a domain package that uses a third-party library, as a careless change would. It lives
 * in the tests only, so that the architecture test can show its domain rule rejects it.
 */
public final class DomainClassUsingJackson {
  private final ObjectMapper mapper = new ObjectMapper();

  public String describe() {
    return mapper.getClass().getName();
  }
}
