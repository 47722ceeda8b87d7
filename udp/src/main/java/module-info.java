/**
 * Weft UDP: a datagram server whose receive loop runs on a virtual thread, and a chat relay
 * whose peers are clients of the shared registry and members of the shared chat rooms.
 */
module dev.weft.udp {
    requires transitive dev.weft.core;
    requires jakarta.inject;
    requires org.slf4j;
    requires static dagger;

    exports dev.weft.udp;
    exports dev.weft.udp.inject;
}
