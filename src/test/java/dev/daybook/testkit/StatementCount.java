package dev.daybook.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the SQL statements the application executes, by thread, through the test's wrapper around
 * its pool: how many statements a request costs is a property of the code, unlike its time, so a
 * test can hold it. A batch counts once, as the database sees one round trip.
 */
public final class StatementCount {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final Map<String, AtomicLong> BY_THREAD = new ConcurrentHashMap<>();
    private static final AtomicLong ALL = new AtomicLong();
    private static final AtomicLong PUBLICATIONS = new AtomicLong();
    /** {@code -Ddaybook.test.trace-sql=true} prints every statement with its thread, to see where a count comes from. */
    private static final boolean TRACE = Boolean.getBoolean("daybook.test.trace-sql");

    private StatementCount() {
    }

    /** Statements executed so far on threads whose name starts with this prefix. */
    public static long onThreads(String prefix) {
        return BY_THREAD.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    /**
     * Rows inserted into the event publication registry so far (one per listener an event was stored
     * for): each row of a batch counts.
     */
    public static long publicationsStored() {
        return PUBLICATIONS.get();
    }

    /** Statements executed so far on every thread. */
    public static long all() {
        return ALL.get();
    }

    static Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementCount.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Wrapping(connection));
    }

    private static void executed() {
        ALL.incrementAndGet();
        BY_THREAD.computeIfAbsent(Thread.currentThread().getName(), name -> new AtomicLong()).incrementAndGet();
    }

    private record Wrapping(Object target, String sql) implements InvocationHandler {
        Wrapping(Object target) {
            this(target, null);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (sql != null && sql.regionMatches(true, 0, "insert into event_publication ", 0, 29)
                    && (method.getName().equals("addBatch") || method.getName().equals("executeUpdate")
                            || method.getName().equals("execute"))) {
                PUBLICATIONS.incrementAndGet();
            }
            if (EXECUTIONS.contains(method.getName())) {
                executed();
                if (TRACE) {
                    System.out.println("SQL[" + Thread.currentThread().getName() + "] "
                            + (sql != null ? sql : args != null && args.length > 0 ? args[0] : "?").toString().replaceAll("\\s+", " "));
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Statement statement && !(result instanceof Proxy)) {
                Class<?>[] types = result instanceof java.sql.CallableStatement
                        ? new Class<?>[] {java.sql.CallableStatement.class}
                        : result instanceof java.sql.PreparedStatement
                                ? new Class<?>[] {java.sql.PreparedStatement.class}
                                : new Class<?>[] {Statement.class};
                String prepared = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                return Proxy.newProxyInstance(StatementCount.class.getClassLoader(), types, new Wrapping(statement, prepared));
            }
            return result;
        }
    }
}
