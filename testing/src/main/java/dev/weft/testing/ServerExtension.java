package dev.weft.testing;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Starts a test's servers and always stops them, so that no test writes the same
 * {@code @AfterEach} fixture again and no failing test leaves a server running.
 *
 * <p>Servers come two ways:
 * <ul>
 *   <li>fields marked {@link TestServer}: started before each test (static fields: before all
 *       tests of the class) in their {@link TestServer#order()}, closed after it in the reverse
 *       order;</li>
 *   <li>servers a test builds itself: {@code servers.start(new TcpServer(...))} starts one now
 *       and closes it after the test, where {@code servers} is this extension registered on an
 *       instance field ({@code @RegisterExtension final ServerExtension servers = new
 *       ServerExtension();}) or a {@link TestServers} parameter of a test or {@code @BeforeEach}
 *       method. Registered on a static field, the extension also takes servers from a
 *       {@code @BeforeAll} method: those are closed after all the class's tests.</li>
 * </ul>
 * A test or {@code @BeforeEach} method may also declare an {@link HttpTestClient} parameter: it
 * gets a client of the test's one server that has a public {@code uri(String)} method (an HTTP
 * server, or an application object offering one), closed after the test.
 *
 * <p>A server is anything with a public no-argument {@code start()} method that is
 * {@link AutoCloseable} — every Weft server — so this module needs none of them. Servers are
 * stopped at once — {@code stop(Duration.ZERO)} when the server has that method, else
 * {@code close()} — since whatever a test left open no longer matters; a test that checks a
 * graceful stop stops its server itself. A failure to stop one server does not keep the others
 * open; it fails the test after all are stopped.
 */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver, TestServers {

    /**
     * The servers started through this instance's {@link TestServers} methods during a test (its
     * {@code @BeforeEach} methods included), last first; closed after that test.
     */
    private final Deque<AutoCloseable> own = new ArrayDeque<>();

    /**
     * The servers started through this instance's {@link TestServers} methods outside a test —
     * from a {@code @BeforeAll} method, when the extension is registered on a static field —
     * last first; closed after all tests of the class.
     */
    private final Deque<AutoCloseable> ownForClass = new ArrayDeque<>();

    /** Whether a test of the class is running (between this extension's beforeEach and afterEach). */
    private volatile boolean inTest;

    /** Creates the extension: JUnit does, through {@code @ExtendWith}, or a test's field does. */
    public ServerExtension() {
    }

    @Override
    public <S extends AutoCloseable> S start(S server) {
        start(server, server.getClass().getSimpleName());
        ownNow().push(server);
        return server;
    }

    @Override
    public <S extends AutoCloseable> S closeAfterwards(S server) {
        ownNow().push(server);
        return server;
    }

    /** Every server started through this instance and still open: the test's, then the class's. */
    private List<AutoCloseable> ownAll() {
        List<AutoCloseable> all = new ArrayList<>(own);
        all.addAll(ownForClass);
        return all;
    }

    /** Where a server started through this instance now belongs: to the test, or to the class. */
    private Deque<AutoCloseable> ownNow() {
        return inTest ? own : ownForClass;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startFields(context, null, ModifierSupport::isStatic);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        inTest = true;
        Object instance = context.getRequiredTestInstance();
        startFields(context, instance, field -> !ModifierSupport.isStatic(field));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        inTest = false;
        closeAll(own, started(context).servers);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        closeAll(own, ownForClass, started(context).servers);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestServers.class || type == HttpTestClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Started started = started(context);
        if (parameter.getParameter().getType() == HttpTestClient.class) {
            HttpTestClient client = HttpTestClient.of(httpServer(context));
            started.servers.push(client);
            return client;
        }
        return new TestServers() {
            @Override
            public <S extends AutoCloseable> S start(S server) {
                ServerExtension.start(server, server.getClass().getSimpleName());
                started.servers.push(server);
                return server;
            }

            @Override
            public <S extends AutoCloseable> S closeAfterwards(S server) {
                started.servers.push(server);
                return server;
            }
        };
    }

    /** The one server known to this test — fields, servers it started — with {@code uri(String)}. */
    private Object httpServer(ExtensionContext context) {
        List<Object> found = new ArrayList<>();
        for (AutoCloseable server : ownAll()) {
            if (!(server instanceof HttpTestClient) && HttpTestClient.hasUri(server.getClass())) {
                found.add(server);
            }
        }
        for (ExtensionContext level = context; level != null; level = level.getParent().orElse(null)) {
            for (AutoCloseable server : started(level).servers) {
                if (!(server instanceof HttpTestClient) && HttpTestClient.hasUri(server.getClass())) {
                    found.add(server);
                }
            }
        }
        if (found.size() != 1) {
            throw new ParameterResolutionException("an HttpTestClient parameter needs exactly one started server "
                    + "with a public uri(String) method (a @TestServer field, or one started before this method); "
                    + (found.isEmpty() ? "there is none" : "there are " + found.size() + ": " + found)
                    + ". Else make one with HttpTestClient.of(server).");
        }
        return found.get(0);
    }

    private void startFields(ExtensionContext context, Object instance, Predicate<Field> which) {
        Class<?> testClass = context.getRequiredTestClass();
        List<Field> fields = new ArrayList<>(AnnotationSupport.findAnnotatedFields(testClass, TestServer.class,
                which, HierarchyTraversalMode.TOP_DOWN));
        fields.sort(Comparator.comparingInt(field -> field.getAnnotation(TestServer.class).order()));
        Started started = started(context);
        for (Field field : fields) {
            Object server = ReflectionSupport.tryToReadFieldValue(field, instance)
                    .getOrThrow(e -> new ExtensionConfigurationException("cannot read @TestServer field " + field, e));
            if (!(server instanceof AutoCloseable closeable)) {
                throw new ExtensionConfigurationException("@TestServer field " + field.getName() + " is "
                        + (server == null ? "null: set it in its initializer" : "not AutoCloseable"));
            }
            start(server, field.getName());
            started.servers.push(closeable);
        }
    }

    private static void start(Object server, String name) {
        Method start;
        try {
            start = server.getClass().getMethod("start");
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException(name + " (" + server.getClass().getName()
                    + ") has no public start() method");
        }
        if (!Modifier.isPublic(start.getDeclaringClass().getModifiers())) {
            throw new ExtensionConfigurationException(name + ": start() is not on a public type");
        }
        try {
            start.invoke(server);
        } catch (InvocationTargetException e) {
            throw new ExtensionConfigurationException("starting " + name + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("cannot start " + name, e);
        }
    }

    /** Closes every server of every deque, last started first; throws the first failure after. */
    @SafeVarargs
    private static void closeAll(Deque<AutoCloseable>... deques) throws Exception {
        Exception first = null;
        for (Deque<AutoCloseable> servers : deques) {
            while (!servers.isEmpty()) {
                try {
                    stopNow(servers.pop());
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** {@code stop(Duration.ZERO)} when the server has it, else {@code close()}. */
    private static void stopNow(AutoCloseable server) throws Exception {
        Method stop;
        try {
            stop = server.getClass().getMethod("stop", Duration.class);
        } catch (NoSuchMethodException e) {
            server.close();
            return;
        }
        try {
            stop.invoke(server, Duration.ZERO);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * The servers started in {@code context} itself. Each context has a namespace of its own: a
     * store shows its parents' values, so one shared key would hand a test the servers of its class
     * — and close the class's static servers after the first test.
     */
    private static Started started(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(ServerExtension.class, context.getUniqueId()))
                .getOrComputeIfAbsent(Started.class, k -> new Started(), Started.class);
    }

    /** The servers started in one extension context, the last started first to close. */
    private static final class Started {
        final Deque<AutoCloseable> servers = new ArrayDeque<>();
    }
}
