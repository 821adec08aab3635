package org.shenpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single sign-on's used nonces in the engine's database (table shenpi_sso_nonce in the
 * engine's schema, created here if missing), shared by every engine node of a cluster: the
 * insert of a nonce seen before inserts nothing, and that is a replay. Expired rows are deleted
 * at most once a minute. A database error refuses the token (the login form stays).
 */
public class JdbcNonceStore implements WebappSingleSignOnFilter.NonceStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcNonceStore.class);

  private final DataSource dataSource;
  private final String table;
  private volatile long purged;

  public JdbcNonceStore(DataSource dataSource, String schema) {
    if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) throw new IllegalArgumentException("schema name: " + schema);
    this.dataSource = dataSource;
    this.table = schema + ".shenpi_sso_nonce";
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create table if not exists " + table + " (nonce varchar(64) primary key, expires_at bigint not null)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create " + table, e);
    }
  }

  @Override
  public boolean claim(String nonce, long expiry, long now) {
    try (Connection connection = dataSource.getConnection()) {
      if (now - purged >= 60) {
        purged = now;
        try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where expires_at < ?")) {
          delete.setLong(1, now);
          delete.executeUpdate();
        }
      }
      try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " (nonce, expires_at) values (?, ?) on conflict (nonce) do nothing")) {
        insert.setString(1, nonce);
        insert.setLong(2, expiry);
        return insert.executeUpdate() == 1;
      }
    } catch (SQLException e) {
      LOG.warn("webapp single sign-on: the nonce store failed, token refused", e);
      return false;
    }
  }
}
