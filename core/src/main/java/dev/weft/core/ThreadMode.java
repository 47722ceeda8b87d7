package dev.weft.core;

/**
 * Which kind of thread runs each connection.
 *
 * <p>{@link #VIRTUAL} is the default and the point of Weft. {@link #PLATFORM} exists so that
 * the same server code can be measured with classic one-OS-thread-per-connection, to show what
 * virtual threads change; it costs an OS thread (and its stack) per client and does not scale
 * to tens of thousands of clients.
 */
public enum ThreadMode {
    /** One virtual thread per connection ({@code Thread.ofVirtual()}). */
    VIRTUAL,
    /** One platform (OS) thread per connection ({@code Thread.ofPlatform()}); for comparison. */
    PLATFORM
}
