/**
 * PostgreSQL for tests: {@link io.rustok.core.testing.postgres.PostgresExtension} gives a test
 * class a fresh database with every Flyway migration applied, and {@link
 * io.rustok.core.testing.postgres.StatementCounter} counts the SQL statements that reach it.
 */
package io.rustok.core.testing.postgres;
