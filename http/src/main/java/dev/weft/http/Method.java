package dev.weft.http;

/**
 * The request methods this server routes. A request with any other method (for example
 * {@code CONNECT}, or a made-up token) is answered {@code 501 Not Implemented}, and is seen by
 * filters, which every response passes, with the method {@link #UNKNOWN}.
 */
public enum Method {
    /** Retrieve a representation. */
    GET,
    /** Like {@code GET} without the body; answered from the {@code GET} route when none is given. */
    HEAD,
    /** Process the enclosed body. */
    POST,
    /** Replace the target with the enclosed body. */
    PUT,
    /** Remove the target. */
    DELETE,
    /** Apply a partial modification. */
    PATCH,
    /** Describe the target's communication options; answered with {@code Allow} when not routed. */
    OPTIONS,
    /** Loop-back test; only when an application routes it. */
    TRACE,
    /**
     * Not a method a client can use: the method of a request the server refused before it could
     * read a method it implements (a malformed or over-long request line, an unknown method, a
     * request line that never arrived). Such a request reaches only the filters (see
     * {@link RequestContext#refusal()}); no route can be made for it.
     */
    UNKNOWN
}
