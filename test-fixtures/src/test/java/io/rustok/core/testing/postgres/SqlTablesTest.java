package io.rustok.core.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTablesTest {
  @Test
  void quotedAndQualifiedNamesAreUnqualified() {
    assertThat(SqlTables.in("select \"sys_events\".\"id\" from \"public\".\"sys_events\""))
        .containsExactly("sys_events");
  }

  @Test
  void unquotedNamesAreLowercased() {
    assertThat(SqlTables.in("SELECT * FROM Tenants t JOIN Tenant_Hosts h ON h.tenant_id = t.id"))
        .containsExactly("tenants", "tenant_hosts");
  }

  @Test
  void writesNameTheirTable() {
    assertThat(SqlTables.in("insert into nodes (id, kind) values (?, ?)")).containsExactly("nodes");
    assertThat(SqlTables.in("update nodes set version = ? where id = ?")).containsExactly("nodes");
    assertThat(SqlTables.in("delete from node_bodies where node_id = ?"))
        .containsExactly("node_bodies");
    assertThat(SqlTables.in("TRUNCATE TABLE ONLY tenants")).containsExactly("tenants");
  }

  @Test
  void lockingClausesAreNotTables() {
    String claim =
        "update \"sys_events\" set \"claimed_by\" = ? where \"sys_events\".\"id\" in ("
            + "select \"candidate\".\"id\" from \"sys_events\" as \"candidate\""
            + " where \"candidate\".\"status\" = ? limit ? for update skip locked)"
            + " returning \"sys_events\".\"id\"";

    assertThat(SqlTables.in(claim)).containsExactly("sys_events");
  }

  @Test
  void upsertNamesOnlyItsTable() {
    assertThat(
            SqlTables.in(
                "insert into tenants (id) values (?) on conflict (id) do update set name = ?"))
        .containsExactly("tenants");
  }

  @Test
  void literalsCommentsAndFunctionsAreIgnored() {
    String sql =
        "select 'from fake' , unnest(?) from generate_series(1, 3) -- from comment\n"
            + " join /* from hidden */ nodes on true";

    assertThat(SqlTables.in(sql)).containsExactly("nodes");
  }

  @Test
  void statementWithoutTableHasNone() {
    assertThat(SqlTables.in("select 1")).isEmpty();
    assertThat(SqlTables.in("SET statement_timeout = 1000")).isEmpty();
  }
}
