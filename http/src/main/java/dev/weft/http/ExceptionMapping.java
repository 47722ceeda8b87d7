package dev.weft.http;

import java.util.Objects;

/**
 * An {@link ExceptionMapper} and the exception type it maps, as an application contributes it to
 * an {@link HttpPipeline} (with Dagger, {@code @Provides @IntoSet ExceptionMapping}).
 *
 * <p><b>Which mapper answers.</b> The one registered for the exception's class or, failing that,
 * its nearest superclass: the most specific type wins, so a mapper for
 * {@code IllegalArgumentException} answers before one for {@code RuntimeException}. The server's
 * own answers sit in the same order: {@link HttpException} is answered with its status (unless the
 * application maps {@code HttpException} or a subclass itself — which then also covers 404, 405
 * and the requests the server refused before routing), and any other exception with a generic
 * {@code 500} whose cause is logged at ERROR and never sent. Two mappings for one type are refused
 * when the pipeline is built.
 */
public final class ExceptionMapping {

    private final Class<? extends Exception> type;
    private final ExceptionMapper<? extends Exception> mapper;

    private ExceptionMapping(Class<? extends Exception> type, ExceptionMapper<? extends Exception> mapper) {
        this.type = Objects.requireNonNull(type, "type");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Maps exceptions of {@code type} (and its subclasses, unless mapped more specifically) with
     * {@code mapper}.
     *
     * @param type   the exception type
     * @param mapper what makes the response
     * @param <E>    the exception type
     * @return the mapping
     */
    public static <E extends Exception> ExceptionMapping of(Class<E> type, ExceptionMapper<? super E> mapper) {
        return new ExceptionMapping(type, mapper);
    }

    /**
     * The exception type mapped.
     *
     * @return the type
     */
    public Class<? extends Exception> type() {
        return type;
    }

    /**
     * Applies the mapper.
     *
     * @param exception an exception of {@link #type()} or a subclass
     * @param request   the request being served
     * @return the mapper's response
     * @throws Exception what the mapper throws
     * @throws ClassCastException when the exception is not of {@link #type()}
     */
    @SuppressWarnings("unchecked") // of() pairs a type with a mapper of it or a supertype
    public Response map(Exception exception, Request request) throws Exception {
        return ((ExceptionMapper<Exception>) mapper).map(type.cast(exception), request);
    }

    @Override
    public String toString() {
        return "ExceptionMapping[" + type.getName() + "]";
    }
}
