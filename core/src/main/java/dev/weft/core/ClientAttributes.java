package dev.weft.core;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thread-safe typed attributes of one {@link Client}. Values live as long as the client.
 */
public final class ClientAttributes {

    private final ConcurrentHashMap<AttributeKey<?>, Object> values = new ConcurrentHashMap<>(4);

    /** Creates an empty attribute set. */
    public ClientAttributes() {
    }

    /**
     * The value under {@code key}, if any.
     *
     * @param <T> the type of the value
     * @param key the attribute's key
     * @return the value stored under {@code key}; empty if none is
     */
    public <T> Optional<T> get(AttributeKey<T> key) {
        return Optional.ofNullable(key.cast(values.get(key)));
    }

    /**
     * Stores {@code value} under {@code key}, replacing any earlier value.
     *
     * @param <T>   the type of the value
     * @param key   the attribute's key, not null
     * @param value the value, not null
     */
    public <T> void put(AttributeKey<T> key, T value) {
        values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    /**
     * Removes the value under {@code key}, if any.
     *
     * @param key the attribute's key
     */
    public void remove(AttributeKey<?> key) {
        values.remove(key);
    }
}
