package dev.weft.samples.http;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Qualifies the {@code http} sample's HTTPS server and its configuration. */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface Https {
}
