package dev.weft.http;

/**
 * An HTTP status: a three-digit code and its reason phrase, with constants for the codes this
 * server and common applications use, named {@code REASON_CODE}.
 *
 * @param code   100 to 599
 * @param reason the reason phrase sent on the status line; printable ASCII only
 */
public record Status(int code, String reason) {

    /** 100 Continue: sent before reading a body the client holds back with {@code Expect}. */
    public static final Status CONTINUE_100 = new Status(100, "Continue");
    /**
     * 101 Switching Protocols: the answer to a WebSocket handshake, after which the connection
     * speaks WebSocket; only a {@link Response.WebSocketUpgrade} body may carry it.
     */
    public static final Status SWITCHING_PROTOCOLS_101 = new Status(101, "Switching Protocols");
    /** 200 OK. */
    public static final Status OK_200 = new Status(200, "OK");
    /** 201 Created. */
    public static final Status CREATED_201 = new Status(201, "Created");
    /** 202 Accepted. */
    public static final Status ACCEPTED_202 = new Status(202, "Accepted");
    /** 204 No Content: never carries a body. */
    public static final Status NO_CONTENT_204 = new Status(204, "No Content");
    /** 206 Partial Content: the answer to a satisfiable {@code Range} request. */
    public static final Status PARTIAL_CONTENT_206 = new Status(206, "Partial Content");
    /** 301 Moved Permanently. */
    public static final Status MOVED_PERMANENTLY_301 = new Status(301, "Moved Permanently");
    /** 302 Found. */
    public static final Status FOUND_302 = new Status(302, "Found");
    /** 304 Not Modified: never carries a body. */
    public static final Status NOT_MODIFIED_304 = new Status(304, "Not Modified");
    /** 400 Bad Request. */
    public static final Status BAD_REQUEST_400 = new Status(400, "Bad Request");
    /** 401 Unauthorized. */
    public static final Status UNAUTHORIZED_401 = new Status(401, "Unauthorized");
    /** 403 Forbidden. */
    public static final Status FORBIDDEN_403 = new Status(403, "Forbidden");
    /** 404 Not Found. */
    public static final Status NOT_FOUND_404 = new Status(404, "Not Found");
    /** 405 Method Not Allowed: sent with {@code Allow}. */
    public static final Status METHOD_NOT_ALLOWED_405 = new Status(405, "Method Not Allowed");
    /** 408 Request Timeout: the request did not arrive in time. */
    public static final Status REQUEST_TIMEOUT_408 = new Status(408, "Request Timeout");
    /** 409 Conflict. */
    public static final Status CONFLICT_409 = new Status(409, "Conflict");
    /** 411 Length Required. */
    public static final Status LENGTH_REQUIRED_411 = new Status(411, "Length Required");
    /** 412 Precondition Failed. */
    public static final Status PRECONDITION_FAILED_412 = new Status(412, "Precondition Failed");
    /** 413 Content Too Large: the body exceeds {@link HttpLimits#maxBodyBytes()}. */
    public static final Status CONTENT_TOO_LARGE_413 = new Status(413, "Content Too Large");
    /** 414 URI Too Long: the request line exceeds {@link HttpLimits#maxRequestLineBytes()}. */
    public static final Status URI_TOO_LONG_414 = new Status(414, "URI Too Long");
    /** 415 Unsupported Media Type. */
    public static final Status UNSUPPORTED_MEDIA_TYPE_415 = new Status(415, "Unsupported Media Type");
    /** 416 Range Not Satisfiable. */
    public static final Status RANGE_NOT_SATISFIABLE_416 = new Status(416, "Range Not Satisfiable");
    /** 417 Expectation Failed: an {@code Expect} other than {@code 100-continue}. */
    public static final Status EXPECTATION_FAILED_417 = new Status(417, "Expectation Failed");
    /**
     * 426 Upgrade Required: the resource speaks another protocol (a WebSocket route answering a
     * plain request, or a WebSocket version other than 13); the {@code Upgrade} field says which.
     */
    public static final Status UPGRADE_REQUIRED_426 = new Status(426, "Upgrade Required");
    /** 429 Too Many Requests: a rate limit was exceeded; sent with {@code Retry-After}. */
    public static final Status TOO_MANY_REQUESTS_429 = new Status(429, "Too Many Requests");
    /** 431 Request Header Fields Too Large. */
    public static final Status REQUEST_HEADER_FIELDS_TOO_LARGE_431 =
            new Status(431, "Request Header Fields Too Large");
    /** 500 Internal Server Error: a handler failed. */
    public static final Status INTERNAL_SERVER_ERROR_500 = new Status(500, "Internal Server Error");
    /** 501 Not Implemented: an unknown method or transfer coding. */
    public static final Status NOT_IMPLEMENTED_501 = new Status(501, "Not Implemented");
    /** 502 Bad Gateway: an upstream server was unreachable or answered malformed. */
    public static final Status BAD_GATEWAY_502 = new Status(502, "Bad Gateway");
    /** 503 Service Unavailable. */
    public static final Status SERVICE_UNAVAILABLE_503 = new Status(503, "Service Unavailable");
    /** 504 Gateway Timeout: an upstream server did not answer in time. */
    public static final Status GATEWAY_TIMEOUT_504 = new Status(504, "Gateway Timeout");
    /** 505 HTTP Version Not Supported. */
    public static final Status HTTP_VERSION_NOT_SUPPORTED_505 =
            new Status(505, "HTTP Version Not Supported");

    /** Validates the code range and that the reason is printable ASCII. */
    public Status {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("status code must be in 100..599: " + code);
        }
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7E)) {
                throw new IllegalArgumentException("reason must be printable ASCII: " + reason);
            }
        }
    }

    /**
     * {@return whether a response with this status never has a body} That is {@code 1xx},
     * {@code 204} and {@code 304}; such responses carry no {@code Content-Length} either.
     */
    public boolean forbidsBody() {
        return code < 200 || code == 204 || code == 304;
    }

    @Override
    public String toString() {
        return code + " " + reason;
    }
}
