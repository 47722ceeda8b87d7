/**
 * JUnit 5 support for testing servers that run on virtual threads.
 *
 * <p>{@link dev.weft.testing.PinningRecorder} fails a test when a virtual thread pins its
 * carrier thread while blocking — the silent scalability bug of thread-per-connection code
 * ({@code synchronized} around I/O on Java 21, blocking in native frames or class
 * initialisers on every version). It records the JFR event {@code jdk.VirtualThreadPinned}
 * for the duration of each test.
 *
 * <p>{@link dev.weft.testing.AllocationBudget} bounds the heap bytes a piece of code allocates,
 * so that fuzz tests can prove a decoder never allocates in proportion to a length it is merely
 * told about.
 *
 * <p>{@link dev.weft.testing.Poll} waits with a deadline for conditions no latch can observe,
 * such as a server's counters.
 *
 * <p>{@link dev.weft.testing.ServerExtension} starts a test's servers ({@link dev.weft.testing.TestServer}
 * fields, or {@link dev.weft.testing.TestServers#start} from the test) and always stops them; it
 * injects an {@link dev.weft.testing.HttpTestClient} into a test that asks for one, whose
 * {@link dev.weft.testing.TestResponse}s assert status, header fields and body (JSON compared by
 * content). Servers are found by shape — a public {@code start()}, {@code AutoCloseable}, a public
 * {@code uri(String)} for HTTP — so this module depends on no Weft server module, and Weft's own
 * core tests can use it.
 *
 * <p>Real programs a test may need besides Weft — {@code redis-server}, {@code haproxy} — are in
 * {@link dev.weft.testing.external}.
 *
 * <p>Not here: how servers are configured; tests build them on port 0 themselves.
 */
package dev.weft.testing;
