package dev.weft.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field holding a server that {@link ServerExtension} starts before each test and closes
 * after it — or, on a static field, before and after all the tests of the class. The field's
 * value must be set by its initializer (the extension runs before {@code @BeforeEach} methods),
 * and its type must have a public no-argument {@code start()} method and be {@link AutoCloseable},
 * as every Weft server is. Configure it on port 0: the test reads the port from the server.
 * Servers start in ascending {@link #order()} (a backend before the proxy in front of it) and
 * close in the reverse order; servers of equal order start in an order JUnit decides.
 *
 * <pre>{@code
 * @ExtendWith(ServerExtension.class)
 * class EchoTest {
 *     @TestServer
 *     final TcpServer server = new TcpServer(TcpServerConfig.loopback(0), new EchoHandler());
 *
 *     @Test
 *     void echoes() throws IOException {
 *         try (Socket socket = new Socket("127.0.0.1", server.port())) { ... }
 *     }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface TestServer {

    /**
     * Where this server starts among the test's servers: lower first.
     *
     * @return the order; default 0
     */
    int order() default 0;
}
