/**
 * Weft core: the thread-per-connection TCP engine, the shared client registry, and the chat-room
 * service shared by every protocol's chat clients.
 */
@SuppressWarnings("module") // qualified exports to http and udp, built after core
module dev.weft.core {
    requires jakarta.inject;
    requires jdk.jfr;
    requires org.slf4j;
    requires static dagger;

    exports dev.weft.core;
    exports dev.weft.core.files;
    exports dev.weft.core.inject;
    exports dev.weft.core.limit;
    exports dev.weft.core.pool;
    exports dev.weft.core.proxy;
    exports dev.weft.core.rooms;
    exports dev.weft.core.tls;
    exports dev.weft.core.internal to dev.weft.http, dev.weft.udp;
}
