package dev.weft.http;

import dev.weft.http.internal.HttpChars;
import dev.weft.http.internal.HttpDate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A cookie to set with {@link Response#withCookie(Cookie)}: a name, a value and the attributes
 * of RFC 6265 ({@code Path}, {@code Domain}, {@code Max-Age}, {@code Expires}, {@code Secure},
 * {@code HttpOnly}) plus {@code SameSite}. Immutable; each {@code with…} returns a copy.
 *
 * <pre>{@code
 * Cookie session = Cookie.of("session", token).withPath("/").withMaxAge(Duration.ofHours(8))
 *         .withHttpOnly().withSecure().withSameSite(Cookie.SameSite.LAX);
 * return Response.ok("signed in").withCookie(session);
 * }</pre>
 *
 * <p>Names must be tokens and values cookie-octets (no spaces, quotes, commas, semicolons,
 * backslashes or control characters): the factory refuses anything else rather than send a
 * header a browser would misread. Encode other values (Base64url, percent-encoding) first.
 * Reading cookies: {@link Request#cookies()}.
 */
public final class Cookie {

    /** The {@code SameSite} attribute: when a browser sends the cookie with cross-site requests. */
    public enum SameSite {
        /** Only with same-site requests. */
        STRICT("Strict"),
        /** With same-site requests and top-level cross-site navigations (the browsers' default). */
        LAX("Lax"),
        /** With every request; browsers then require {@code Secure}. */
        NONE("None");

        private final String attribute;

        SameSite(String attribute) {
            this.attribute = attribute;
        }
    }

    private final String name;
    private final String value;
    private final String path;
    private final String domain;
    private final Duration maxAge;
    private final Instant expires;
    private final boolean secure;
    private final boolean httpOnly;
    private final SameSite sameSite;

    private Cookie(String name, String value, String path, String domain, Duration maxAge, Instant expires,
                   boolean secure, boolean httpOnly, SameSite sameSite) {
        this.name = name;
        this.value = value;
        this.path = path;
        this.domain = domain;
        this.maxAge = maxAge;
        this.expires = expires;
        this.secure = secure;
        this.httpOnly = httpOnly;
        this.sameSite = sameSite;
    }

    /**
     * A session cookie (no expiry) with no attributes.
     *
     * @param name  a token
     * @param value cookie-octets, possibly empty
     * @return the cookie
     * @throws IllegalArgumentException when the name or value has a character a cookie cannot carry
     */
    public static Cookie of(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        HttpChars.requireValidName(name);
        for (int i = 0; i < value.length(); i++) {
            if (!isCookieOctet(value.charAt(i))) {
                throw new IllegalArgumentException("cookie " + name + ": character " + (int) value.charAt(i)
                        + " at index " + i + " is not allowed in a cookie value");
            }
        }
        return new Cookie(name, value, null, null, null, null, false, false, null);
    }

    /**
     * A cookie that makes the browser delete the cookie {@code name} ({@code Max-Age=0}); give it
     * the {@code Path} and {@code Domain} the cookie was set with.
     *
     * @param name the cookie to delete
     * @return the cookie
     */
    public static Cookie expired(String name) {
        return of(name, "").withMaxAge(Duration.ZERO);
    }

    private static boolean isCookieOctet(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) || (c >= 0x3C && c <= 0x5B)
                || (c >= 0x5D && c <= 0x7E);
    }

    /**
     * A copy with {@code Path}.
     *
     * @param value the path the cookie applies to, starting with {@code /}
     * @return the copy
     */
    public Cookie withPath(String value) {
        return new Cookie(name, this.value, attributeValue("Path", value), domain, maxAge, expires, secure,
                httpOnly, sameSite);
    }

    /**
     * A copy with {@code Domain}.
     *
     * @param value the domain the cookie applies to (and its subdomains)
     * @return the copy
     */
    public Cookie withDomain(String value) {
        return new Cookie(name, this.value, path, attributeValue("Domain", value), maxAge, expires, secure,
                httpOnly, sameSite);
    }

    /**
     * A copy with {@code Max-Age} in whole seconds (rounded down), which takes precedence over
     * {@code Expires} in browsers; zero deletes the cookie.
     *
     * @param value how long the cookie lives; not negative
     * @return the copy
     */
    public Cookie withMaxAge(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("cookie " + name + ": Max-Age must not be negative: " + value);
        }
        return new Cookie(name, this.value, path, domain, value, expires, secure, httpOnly, sameSite);
    }

    /**
     * A copy with {@code Expires}, for clients that ignore {@code Max-Age}.
     *
     * @param value when the cookie expires
     * @return the copy
     */
    public Cookie withExpires(Instant value) {
        return new Cookie(name, this.value, path, domain, maxAge, Objects.requireNonNull(value, "expires"), secure,
                httpOnly, sameSite);
    }

    /**
     * A copy with {@code Secure}: sent over HTTPS only.
     *
     * @return the copy
     */
    public Cookie withSecure() {
        return new Cookie(name, value, path, domain, maxAge, expires, true, httpOnly, sameSite);
    }

    /**
     * A copy with {@code HttpOnly}: hidden from scripts.
     *
     * @return the copy
     */
    public Cookie withHttpOnly() {
        return new Cookie(name, value, path, domain, maxAge, expires, secure, true, sameSite);
    }

    /**
     * A copy with {@code SameSite}; {@link SameSite#NONE} also needs {@link #withSecure()}, which
     * {@link #headerValue()} checks.
     *
     * @param value the policy
     * @return the copy
     */
    public Cookie withSameSite(SameSite value) {
        return new Cookie(name, this.value, path, domain, maxAge, expires, secure, httpOnly,
                Objects.requireNonNull(value, "sameSite"));
    }

    private String attributeValue(String attribute, String value) {
        Objects.requireNonNull(value, attribute);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == ';' || c > 0x7E) {
                throw new IllegalArgumentException("cookie " + name + ": " + attribute + " may not hold character "
                        + (int) c + ": " + value);
            }
        }
        return value;
    }

    /**
     * The name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The value.
     *
     * @return the value
     */
    public String value() {
        return value;
    }

    /**
     * The {@code Max-Age}, if set.
     *
     * @return the lifetime
     */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /**
     * The value of a {@code Set-Cookie} header field for this cookie.
     *
     * @return for example {@code session=abc; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax}
     * @throws IllegalStateException for {@code SameSite=None} without {@code Secure}, which
     *     browsers reject
     */
    public String headerValue() {
        if (sameSite == SameSite.NONE && !secure) {
            throw new IllegalStateException("cookie " + name + ": SameSite=None requires Secure");
        }
        StringBuilder header = new StringBuilder(64).append(name).append('=').append(value);
        if (path != null) {
            header.append("; Path=").append(path);
        }
        if (domain != null) {
            header.append("; Domain=").append(domain);
        }
        if (maxAge != null) {
            header.append("; Max-Age=").append(maxAge.toSeconds());
        }
        if (expires != null) {
            header.append("; Expires=").append(HttpDate.format(expires));
        }
        if (secure) {
            header.append("; Secure");
        }
        if (httpOnly) {
            header.append("; HttpOnly");
        }
        if (sameSite != null) {
            header.append("; SameSite=").append(sameSite.attribute);
        }
        return header.toString();
    }

    /** The name only: cookie values are often credentials, and {@code toString} ends up in logs. */
    @Override
    public String toString() {
        return "Cookie[" + name + "]";
    }
}
