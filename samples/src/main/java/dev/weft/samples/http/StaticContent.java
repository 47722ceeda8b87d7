package dev.weft.samples.http;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Qualifies the handler that serves {@code GET /static/*}. */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface StaticContent {
}
