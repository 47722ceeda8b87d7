package dev.weft.redis.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The id of one run of an instance: its configured name, {@code @}, and 12 random hex digits.
 * A restarted instance gets a new id, so its sequence numbers never collide with those of its
 * previous run, and survivors can tell the lost run from the new one.
 */
public final class InstanceId {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InstanceId() {
    }

    /** A fresh id for an instance named {@code name} (which contains no {@code @}). */
    public static String create(String name) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return name + "@" + HexFormat.of().formatHex(bytes);
    }

    /** The instance name in {@code id}: what precedes its last {@code @}, else the whole id. */
    public static String nameOf(String id) {
        int at = id.lastIndexOf('@');
        return at <= 0 ? id : id.substring(0, at);
    }
}
