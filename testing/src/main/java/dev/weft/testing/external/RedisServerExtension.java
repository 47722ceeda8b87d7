package dev.weft.testing.external;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test its own real {@code redis-server} ({@link RedisServer}) on a free loopback
 * port, as a parameter of the test or of its {@code @BeforeEach}, and kills it after the test
 * (after the test's own {@code @AfterEach} methods and extensions registered later, so the
 * Redis clients they close still find it).
 *
 * <pre>{@code
 * @ExtendWith(RedisServerExtension.class)
 * class ClusterTest {
 *     @Test void linesCrossInstances(RedisServer redis) { ... redis.uri() ... }
 * }
 * }</pre>
 *
 * <p>A missing {@code redis-server} skips the test, or fails it under {@code CI=true} (see
 * {@link SystemBinary#require}).
 */
public final class RedisServerExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisServerExtension.class);

    /** Creates the extension (JUnit does, from {@code @ExtendWith}). */
    public RedisServerExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        context.getStore(NAMESPACE).put(RedisServer.class, RedisServer.start());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RedisServer server = context.getStore(NAMESPACE).remove(RedisServer.class, RedisServer.class);
        if (server != null) {
            server.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RedisServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(RedisServer.class, RedisServer.class);
    }
}
