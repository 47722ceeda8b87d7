/**
 * The bridge's machinery, not exported: the wire format of room messages, the Redis keys and
 * Lua scripts, and the threads that own the connections — one publisher, one subscriber, one
 * presence keeper and a few command workers, each a named virtual thread with its own Jedis
 * connection (a Jedis connection is never shared between threads).
 *
 * <p>Client threads never touch a socket here: they hand work to a bounded queue and, for the
 * calls that need an answer, wait on it with a deadline.
 */
package dev.weft.redis.internal;
