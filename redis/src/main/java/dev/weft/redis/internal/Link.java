package dev.weft.redis.internal;

/** The bridge's connections to Redis, each owned by one thread. */
public enum Link {
    /** Receives room messages (pub/sub). */
    SUBSCRIBER,
    /** Publishes room messages and history, releases nicknames. */
    PUBLISHER,
    /** Heartbeats, reaping of lost instances, re-assertion of claims. */
    PRESENCE
}
