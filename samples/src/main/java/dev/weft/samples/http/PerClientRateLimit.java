package dev.weft.samples.http;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Qualifies the optional per-client request rate of {@code --rate-limit}. */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface PerClientRateLimit {
}
