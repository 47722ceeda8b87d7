package dev.weft.samples.all;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Qualifies the echo server of the {@code all} sample and its configuration. */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface EchoServer {
}
