package dev.weft.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A small HTTP/1.1 client for tests of an HTTP server started on port 0: requests by path, answers
 * as {@link TestResponse}s with assertions on status, headers and body (JSON compared by content).
 *
 * <pre>{@code
 * @ExtendWith(ServerExtension.class)
 * class TodoApiTest {
 *     @TestServer
 *     final HttpServer server = new HttpServer(HttpServerConfig.loopback(0), router);
 *
 *     @Test
 *     void createsATodo(HttpTestClient client) {
 *         client.postJson("/todos", "{\"title\":\"milk\"}")
 *                 .assertStatus(201)
 *                 .assertJson("{\"id\":1,\"title\":\"milk\",\"done\":false}");
 *     }
 * }
 * }</pre>
 *
 * <p>{@link ServerExtension} injects one into a test (or {@code @BeforeEach}) method that declares
 * it, for the one server of the test that has a public {@code uri(String)} method returning a
 * {@link URI} — every Weft HTTP server and {@code HttpApp} has — and closes it after the test.
 * {@link #of(Object)} makes one for any such server.
 *
 * <p>It uses the JDK's {@code java.net.http} client, which this module requires transitively: a
 * modular application's tests that use it need no {@code --add-modules} or {@code --add-reads}.
 * Redirects are not followed (a test sees the 3xx); each request times out after
 * {@link #DEFAULT_TIMEOUT} unless told otherwise. Thread-safe.
 */
public final class HttpTestClient implements AutoCloseable {

    /** How long a request may take when the test says nothing: long enough for a loaded CI machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;
    private final Function<String, URI> uris;
    private final List<String> headers;
    private final Duration timeout;

    private HttpTestClient(HttpClient http, Function<String, URI> uris, List<String> headers, Duration timeout) {
        this.http = http;
        this.uris = uris;
        this.headers = headers;
        this.timeout = timeout;
    }

    /**
     * A client of {@code server}: request paths become addresses through its public
     * {@code uri(String)} method.
     *
     * @param server a started server with a public {@code URI uri(String path)} method
     * @return the client; close it after the test
     * @throws IllegalArgumentException when the server has no such method
     */
    public static HttpTestClient of(Object server) {
        Objects.requireNonNull(server, "server");
        Method uri = uriMethod(server.getClass());
        if (uri == null) {
            throw new IllegalArgumentException(server.getClass().getName()
                    + " has no public method URI uri(String) on a public type");
        }
        return of(path -> invokeUri(uri, server, path));
    }

    /**
     * A client that turns each request path into an address with {@code uris}, such as
     * {@code path -> URI.create("http://127.0.0.1:" + port + path)}.
     *
     * @param uris the address of a path
     * @return the client; close it after the test
     */
    public static HttpTestClient of(Function<String, URI> uris) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(DEFAULT_TIMEOUT)
                .build();
        return new HttpTestClient(http, Objects.requireNonNull(uris, "uris"), List.of(), DEFAULT_TIMEOUT);
    }

    /**
     * Whether {@code type} has a public {@code URI uri(String)} method on a public type, so that
     * {@link #of(Object)} accepts its instances.
     *
     * @param type the server's class
     * @return whether it does
     */
    static boolean hasUri(Class<?> type) {
        return uriMethod(type) != null;
    }

    private static Method uriMethod(Class<?> type) {
        try {
            Method uri = type.getMethod("uri", String.class);
            boolean usable = uri.getReturnType() == URI.class && Modifier.isPublic(uri.getDeclaringClass().getModifiers())
                    && !Modifier.isStatic(uri.getModifiers());
            return usable ? uri : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static URI invokeUri(Method uri, Object server, String path) {
        try {
            return (URI) uri.invoke(server, path);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("uri(" + path + ") failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call uri(String) of " + server.getClass().getName(), e);
        }
    }

    /**
     * A client sending one more header field with every request (an {@code Authorization}, an
     * {@code Accept}); this client is unchanged, and the two share their connections.
     *
     * @param name  the field name
     * @param value the field value
     * @return the new client
     */
    public HttpTestClient withHeader(String name, String value) {
        List<String> more = new ArrayList<>(headers);
        more.add(Objects.requireNonNull(name, "name"));
        more.add(Objects.requireNonNull(value, "value"));
        return new HttpTestClient(http, uris, List.copyOf(more), timeout);
    }

    /**
     * A client whose requests time out after {@code requestTimeout}; this client is unchanged.
     *
     * @param requestTimeout how long a request may take, answer included
     * @return the new client
     */
    public HttpTestClient withTimeout(Duration requestTimeout) {
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
        return new HttpTestClient(http, uris, headers, requestTimeout);
    }

    /**
     * The address of {@code path} on the server.
     *
     * @param path the path, with any query: {@code /todos?done=true}
     * @return the address
     */
    public URI uri(String path) {
        return uris.apply(path);
    }

    /**
     * A request to build further: headers, a body, then {@link TestRequest#send()}.
     *
     * @param method the method, such as {@code "PUT"} or {@code "OPTIONS"}
     * @param path   the path, with any query
     * @return the request
     */
    public TestRequest request(String method, String path) {
        return new TestRequest(http, method, uri(path), headers, timeout);
    }

    /**
     * {@code GET path}.
     *
     * @param path the path, with any query
     * @return the response
     */
    public TestResponse get(String path) {
        return request("GET", path).send();
    }

    /**
     * {@code DELETE path}.
     *
     * @param path the path
     * @return the response
     */
    public TestResponse delete(String path) {
        return request("DELETE", path).send();
    }

    /**
     * {@code POST path} with a body of the given type.
     *
     * @param path        the path
     * @param contentType the body's {@code Content-Type}
     * @param body        the body, sent in UTF-8
     * @return the response
     */
    public TestResponse post(String path, String contentType, String body) {
        return request("POST", path).body(contentType, body).send();
    }

    /**
     * {@code POST path} with a JSON body ({@code Content-Type: application/json}).
     *
     * @param path the path
     * @param json the JSON text
     * @return the response
     */
    public TestResponse postJson(String path, String json) {
        return request("POST", path).json(json).send();
    }

    /**
     * {@code PUT path} with a JSON body ({@code Content-Type: application/json}).
     *
     * @param path the path
     * @param json the JSON text
     * @return the response
     */
    public TestResponse putJson(String path, String json) {
        return request("PUT", path).json(json).send();
    }

    /** Whether {@link #close()} has finished: the connections are closed. */
    boolean isClosed() {
        return http.isTerminated();
    }

    /**
     * Closes the connections, of this client and of those made from it by {@link #withHeader} and
     * {@link #withTimeout}; the extension does it after the test.
     */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "HttpTestClient[" + uri("/") + "]";
    }
}
