/**
 * Weft UDP: a datagram server whose receive loop runs on a virtual thread, and a chat relay
 * whose peers live in the shared {@code dev.weft.core.ClientRegistry}.
 */
module dev.weft.udp {
    requires transitive dev.weft.core;
    requires jakarta.inject;
    requires org.slf4j;
    requires static dagger;

    exports dev.weft.udp;
    exports dev.weft.udp.inject;
}
