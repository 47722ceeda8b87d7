package dev.weft.core;

/**
 * What a running server offers the components that work for it: threads that belong to the
 * server. A thread started here is of the server's {@link ThreadMode}, counted in {@link
 * ServerMetrics#threads()}, and interrupted and awaited by the server's {@code stop}, so no thread
 * of the server outlives it.
 */
public interface ServerScope {

    /** {@return the server's name} */
    String serverName();

    /**
     * Starts {@code task} on a new thread of the server named {@code name}.
     *
     * @param name the thread's name
     * @param task what the thread runs
     * @return the started thread
     */
    Thread startThread(String name, Runnable task);
}
