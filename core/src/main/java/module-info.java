/**
 * Weft core: the thread-per-connection TCP engine and the shared client registry.
 */
module dev.weft.core {
    requires jakarta.inject;
    requires org.slf4j;
    requires static dagger;

    exports dev.weft.core;
    exports dev.weft.core.inject;
    exports dev.weft.core.limit;
    exports dev.weft.core.pool;
    exports dev.weft.core.proxy;
    exports dev.weft.core.tls;
}
