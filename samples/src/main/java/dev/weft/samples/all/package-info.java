/**
 * The {@code all} sample: HTTP, echo, chat and the chat's UDP relay served by one process and one
 * Dagger component, over one shared registry — the target of the soak test
 * ({@code scripts/soak.sh}), which drives every protocol at once and watches the process for
 * leaks. Each server runs its clients on their own virtual threads, as in the single samples.
 *
 * <p>Not here: the protocols themselves, which live in the {@code http}, {@code echo} and
 * {@code chat} sample packages and in {@code dev.weft.http} and {@code dev.weft.udp}.
 */
package dev.weft.samples.all;
