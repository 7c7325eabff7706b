package dev.daybook;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.quartz.SchedulerConfigException;
import org.quartz.impl.jdbcjobstore.InvalidConfigurationException;
import org.quartz.impl.jdbcjobstore.JobStoreCMT;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.SchedulerSignaler;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Quartz's JDBC job store on the application's own DataSource and transactions, like Spring's
 * {@link LocalDataSourceJobStore}, with two differences:
 * <ul>
 * <li>it picks Quartz's driver delegate from the database: PostgreSQL stores Quartz's blobs as
 * {@code bytea} and needs {@link PostgreSQLDelegate}; H2 works with {@link StdJDBCDelegate}. Spring's
 * store always leaves Quartz's default, which fails on PostgreSQL.</li>
 * <li>it registers its connections with Quartz under a name of its own. Quartz keeps connection
 * providers in a JVM-wide registry keyed by scheduler name, and all instances of a cluster share that
 * name: two schedulers of the same cluster in one JVM (as in the tests) would otherwise use each
 * other's connection pools.</li>
 * </ul>
 */
public class SchedulerJobStore extends JobStoreCMT {

    private DataSource dataSource;

    @Override
    public void initialize(ClassLoadHelper loadHelper, SchedulerSignaler signaler) throws SchedulerConfigException {
        DataSource configured = SchedulerFactoryBean.getConfigTimeDataSource();
        if (configured == null) {
            throw new SchedulerConfigException("No DataSource for Quartz: set spring.quartz.job-store-type=jdbc");
        }
        this.dataSource = configured;
        String name = "daybook." + getInstanceName() + "." + UUID.randomUUID();
        setDataSource(name + ".tx");
        setNonManagedTXDataSource(name + ".nontx");
        setDontSetAutoCommitFalse(true);
        DBConnectionManager.getInstance().addConnectionProvider(name + ".tx", new Provider(configured, true));
        DBConnectionManager.getInstance().addConnectionProvider(name + ".nontx", new Provider(configured, false));
        if (isDefaultDelegate()) {
            try {
                setDriverDelegateClass(delegateFor(configured).getName());
            } catch (InvalidConfigurationException e) {
                throw new SchedulerConfigException("Quartz would not take its driver delegate", e);
            }
        }
        super.initialize(loadHelper, signaler);
    }

    @Override
    protected void closeConnection(Connection connection) {
        DataSourceUtils.releaseConnection(connection, dataSource);
    }

    private boolean isDefaultDelegate() {
        return delegateClassName == null || delegateClassName.equals(StdJDBCDelegate.class.getName());
    }

    /** The driver delegate Quartz needs for this database. */
    static Class<? extends StdJDBCDelegate> delegateFor(DataSource dataSource) throws SchedulerConfigException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? PostgreSQLDelegate.class : StdJDBCDelegate.class;
        } catch (SQLException e) {
            throw new SchedulerConfigException("Could not tell which database Quartz runs on", e);
        }
    }

    /** Connections for Quartz: the transaction's own when there is one, as Spring's store does. */
    private record Provider(DataSource dataSource, boolean transactional) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return transactional ? DataSourceUtils.doGetConnection(dataSource) : dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // The application's pool has its own lifecycle.
        }

        @Override
        public void initialize() {
            // Nothing to set up.
        }
    }
}
