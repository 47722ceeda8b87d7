package dev.weft.http;

/**
 * The request methods this server routes. A request with any other method (for example
 * {@code CONNECT}, or a made-up token) is answered {@code 501 Not Implemented}.
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
    TRACE
}
