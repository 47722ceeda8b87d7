package dev.weft.testing;

/**
 * The servers a test builds itself, started now and closed after the test by
 * {@link ServerExtension}: declare a parameter of this type on a test or {@code @BeforeEach}
 * method.
 *
 * <pre>{@code
 * @Test
 * void limitsConnections(TestServers servers) throws IOException {
 *     TcpServer server = servers.start(new TcpServer(config.toBuilder().maxConnections(2).build(), handler));
 *     ...
 * }
 * }</pre>
 */
public interface TestServers {

    /**
     * Starts {@code server} (its public no-argument {@code start()} method) and stops it after
     * the test.
     *
     * @param <S>    the server's type
     * @param server the server, not started yet
     * @return {@code server}, started
     */
    <S extends AutoCloseable> S start(S server);

    /**
     * Stops {@code server} (already started, or never to be) after the test.
     *
     * @param <S>    the server's type
     * @param server the server
     * @return {@code server}
     */
    <S extends AutoCloseable> S closeAfterwards(S server);
}
