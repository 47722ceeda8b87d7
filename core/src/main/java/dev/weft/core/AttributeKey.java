package dev.weft.core;

import java.util.Objects;

/**
 * A typed key for {@link ClientAttributes}. Keys compare by identity: create each one once, as
 * a constant.
 *
 * @param <T> the type of the value stored under this key
 */
public final class AttributeKey<T> {

    private final String name;
    private final Class<T> type;

    private AttributeKey(String name, Class<T> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Creates a key.
     *
     * @param <T>  the type of the values
     * @param name a name for diagnostics
     * @param type the type of the values
     * @return the key; distinct from every other key, whatever its name
     */
    public static <T> AttributeKey<T> of(String name, Class<T> type) {
        return new AttributeKey<>(name, type);
    }

    /** {@return the name given at creation} */
    public String name() {
        return name;
    }

    T cast(Object value) {
        return type.cast(value);
    }

    @Override
    public String toString() {
        return "AttributeKey[" + name + ": " + type.getSimpleName() + "]";
    }
}
