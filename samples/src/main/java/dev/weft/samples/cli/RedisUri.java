package dev.weft.samples.cli;

import dev.weft.redis.RedisEndpoint;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Where Redis is: {@code redis://host[:port][/db]} or {@code rediss://...} for TLS. */
public final class RedisUri implements ITypeConverter<RedisEndpoint> {

    /** Creates the converter. */
    public RedisUri() {
    }

    @Override
    public RedisEndpoint convert(String text) {
        try {
            return RedisEndpoint.of(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("a Redis URI is redis://host[:port], not " + text + " (" + e.getMessage() + ")");
        }
    }
}
