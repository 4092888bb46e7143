package io.rustok.core.adapters.jooq;

import io.rustok.core.domain.shared.DuplicateException;
import java.util.Map;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Translates PostgreSQL unique violations (SQLState 23505) into {@link DuplicateException}, naming
 * the field by the violated constraint.
 */
final class UniqueViolations {
  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueViolations() {}

  /** Field and message for each constraint that a caller can violate. */
  record Clash(String field, String message) {}

  /**
   * Returns the domain exception for {@code failure} if it is a unique violation of one of {@code
   * clashes}, keyed by constraint name, or {@code failure} itself otherwise.
   */
  static RuntimeException translate(DataAccessException failure, Map<String, Clash> clashes) {
    Optional<String> constraint = violatedConstraint(failure);
    if (constraint.isEmpty() || !clashes.containsKey(constraint.get())) {
      return failure;
    }
    Clash clash = clashes.get(constraint.get());
    Optional<String> message = detailOf(failure).map(detail -> clash.message() + ": " + detail);
    DuplicateException duplicate =
        new DuplicateException(clash.field(), message.orElse(clash.message()));
    duplicate.initCause(failure);
    return duplicate;
  }

  private static Optional<String> violatedConstraint(DataAccessException failure) {
    if (!UNIQUE_VIOLATION.equals(failure.sqlState())) {
      return Optional.empty();
    }
    return serverMessage(failure).map(ServerErrorMessage::getConstraint);
  }

  /** Returns PostgreSQL's detail, such as {@code Key (slug)=(acme) already exists.} */
  private static Optional<String> detailOf(DataAccessException failure) {
    return serverMessage(failure).map(ServerErrorMessage::getDetail);
  }

  private static Optional<ServerErrorMessage> serverMessage(DataAccessException failure) {
    PSQLException cause = failure.getCause(PSQLException.class);
    return cause == null ? Optional.empty() : Optional.ofNullable(cause.getServerErrorMessage());
  }
}
