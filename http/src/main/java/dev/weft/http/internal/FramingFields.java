package dev.weft.http.internal;

import dev.weft.http.HttpException;
import dev.weft.http.Status;

/**
 * Collects the header fields that decide how a request is framed and answered — {@code Host},
 * {@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}, {@code Expect} — and
 * turns them into decisions that leave no room for request smuggling (RFC 9112 §6): conflicting
 * or malformed lengths, both framings at once, and codings other than a single final
 * {@code chunked} are all refused.
 */
final class FramingFields {

    private int hostCount;
    private long contentLength = -1;
    private boolean transferEncodingSeen;
    private int chunkedCount;
    private boolean chunkedLast;
    private int otherCodings;
    private boolean close;
    private boolean keepAlive;
    private boolean expectContinue;
    private boolean unknownExpectation;

    void accept(int known, String value) {
        switch (known) {
            case KnownHeaders.HOST -> host(value);
            case KnownHeaders.CONTENT_LENGTH -> contentLength(value);
            case KnownHeaders.TRANSFER_ENCODING -> transferEncoding(value);
            case KnownHeaders.CONNECTION -> connection(value);
            case KnownHeaders.EXPECT -> expect(value);
            default -> {
                // Other fields do not affect framing.
            }
        }
    }

    /** {@code uri-host [ ":" port ]} (RFC 9110 §7.2): a reg-name, IPv4 or bracketed IPv6 literal. */
    private void host(String value) {
        hostCount++;
        int hostEnd;
        if (value.startsWith("[")) {
            hostEnd = value.indexOf(']') + 1;
            if (hostEnd == 0 || !hostChars(value, 1, hostEnd - 1, ":.")) {
                throw bad("invalid Host header");
            }
        } else {
            hostEnd = value.indexOf(':') < 0 ? value.length() : value.indexOf(':');
            if (!hostChars(value, 0, hostEnd, "-._~!$&'()*+,;=%")) {
                throw bad("invalid Host header");
            }
        }
        if (hostEnd < value.length()) {
            if (value.charAt(hostEnd) != ':') {
                throw bad("invalid Host header");
            }
            for (int i = hostEnd + 1; i < value.length(); i++) {
                if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                    throw bad("invalid port in Host header");
                }
            }
        }
    }

    private static boolean hostChars(String value, int from, int to, String extra) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || extra.indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private void contentLength(String value) {
        long length;
        try {
            length = ContentLength.parse(value);
        } catch (ContentLength.MalformedException e) {
            throw bad(e.getMessage());
        }
        if (contentLength >= 0 && contentLength != length) {
            throw bad("conflicting Content-Length values");
        }
        contentLength = length;
    }

    private void transferEncoding(String value) {
        transferEncodingSeen = true;
        int codingsBefore = chunkedCount + otherCodings;
        HeaderElements.forEach(value, (v, from, to) -> coding(v.substring(from, to)));
        if (chunkedCount + otherCodings == codingsBefore) {
            throw bad("empty Transfer-Encoding");
        }
    }

    private void coding(String coding) {
        for (int i = 0; i < coding.length(); i++) {
            char c = coding.charAt(i);
            if (!HttpChars.isTokenChar(c) && c != ';' && c != '=' && c != ' ' && c != '\t' && c != '"') {
                throw bad("invalid transfer coding");
            }
        }
        if (coding.equalsIgnoreCase("chunked")) {
            chunkedCount++;
            chunkedLast = true;
        } else {
            otherCodings++;
            chunkedLast = false;
        }
    }

    private void connection(String value) {
        HeaderElements.forEach(value, (v, from, to) -> {
            if (v.regionMatches(true, from, "close", 0, to - from) && to - from == 5) {
                close = true;
            } else if (v.regionMatches(true, from, "keep-alive", 0, to - from) && to - from == 10) {
                keepAlive = true;
            }
        });
    }

    private void expect(String value) {
        if (value.equalsIgnoreCase("100-continue")) {
            expectContinue = true;
        } else {
            unknownExpectation = true;
        }
    }

    /**
     * Checks the collected fields and builds the framing of the request.
     *
     * @throws HttpException 400 for missing/duplicate Host or ambiguous framing, 501 for an
     *     unsupported transfer coding, 413 for a declared length over {@code maxBodyBytes}, 417
     *     for an unknown expectation
     */
    Framing resolve(boolean http11, long maxBodyBytes) {
        if (hostCount > 1 || (http11 && hostCount == 0)) {
            throw bad(hostCount == 0 ? "missing Host header" : "more than one Host header");
        }
        boolean chunked = false;
        if (transferEncodingSeen) {
            if (contentLength >= 0) {
                throw bad("both Content-Length and Transfer-Encoding");
            }
            if (!http11) {
                throw bad("Transfer-Encoding in an HTTP/1.0 request");
            }
            if (chunkedCount > 1 || (chunkedCount == 1 && !chunkedLast)) {
                throw bad("chunked must be the final transfer coding, applied once");
            }
            if (otherCodings > 0) {
                throw new HttpException(Status.NOT_IMPLEMENTED_501, "only the chunked transfer coding is supported");
            }
            chunked = true;
        }
        long length = Math.max(0, contentLength);
        if (length > maxBodyBytes) {
            throw new HttpException(Status.CONTENT_TOO_LARGE_413,
                    "body of " + length + " bytes exceeds " + maxBodyBytes + " bytes");
        }
        boolean expect = http11 && expectContinue;
        if (http11 && unknownExpectation) {
            throw new HttpException(Status.EXPECTATION_FAILED_417, "only 100-continue is supported");
        }
        boolean persistent = http11 ? !close : keepAlive && !close;
        return new Framing(length, chunked, persistent, expect);
    }

    /** The framing decisions for one request. */
    record Framing(long contentLength, boolean chunked, boolean keepAlive, boolean expectContinue) {
    }

    private static HttpException bad(String message) {
        return new HttpException(Status.BAD_REQUEST_400, message);
    }
}
