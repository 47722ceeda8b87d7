package dev.weft.redis;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test its own real {@code redis-server} ({@link RedisServer}) on a free loopback
 * port, as a parameter of the test or of its {@code @BeforeEach}, and kills it after the test.
 *
 * <p>{@code redis-server} is looked up on {@code PATH}. When it is missing the test is skipped
 * with a message saying how to install it — except under {@code CI=true}, where it fails:
 * {@code .ci/run} installs it ({@code scripts/ci-prerequisites.sh}), so a missing binary there is
 * a broken build, not a reason to pass.
 */
final class RedisServerExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisServerExtension.class);
    private static final String INSTALL = "install it with `apt-get install redis-server` or run scripts/ci-prerequisites.sh";

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Optional<Path> binary = RedisServer.findBinary();
        if (binary.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("redis-server is not on PATH and CI=true: these tests must run; " + INSTALL);
            }
            Assumptions.abort("redis-server is not on PATH: skipping the tests against a real Redis; " + INSTALL);
        }
        context.getStore(NAMESPACE).put(RedisServer.class, RedisServer.start(binary.get()));
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
