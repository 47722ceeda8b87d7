package dev.weft.http.internal;

import dev.weft.http.HttpException;
import dev.weft.http.Response;
import dev.weft.http.Status;

/** The responses the server itself produces for errors: short plain-text bodies, no internals. */
public final class ErrorResponses {

    private static final Response INTERNAL_ERROR =
            Response.text(Status.INTERNAL_SERVER_ERROR_500, "Internal Server Error\n");

    private ErrorResponses() {
    }

    /** The response for {@code e}: its status, its message as body. */
    public static Response of(HttpException e) {
        Status status = e.status();
        if (status.forbidsBody()) {
            return Response.of(status);
        }
        return Response.text(status, (e.getMessage() == null ? status.reason() : e.getMessage()) + "\n");
    }

    /** The generic 500 response of a failed handler; the cause goes to the log only. */
    public static Response internalError() {
        return INTERNAL_ERROR;
    }
}
