package dev.weft.http;

/**
 * Turns an exception of type {@code E} that a handler or filter threw into the response the client
 * gets; registered with {@link ExceptionMapping#of(Class, ExceptionMapper)}.
 *
 * <pre>{@code
 * ExceptionMapping.of(NoSuchTodo.class, (e, request) -> Response.json(Status.NOT_FOUND_404, Map.of("id", e.id())))
 * }</pre>
 *
 * @param <E> the exception type
 */
@FunctionalInterface
public interface ExceptionMapper<E extends Exception> {

    /**
     * The response for {@code exception}.
     *
     * @param exception what was thrown
     * @param request   the request being served when it was thrown
     * @return the response; never null
     * @throws Exception anything: the client then gets a generic 500 and the failure is logged
     */
    Response map(E exception, Request request) throws Exception;
}
