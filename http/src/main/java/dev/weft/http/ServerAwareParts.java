package dev.weft.http;

import dev.weft.core.ServerAware;
import dev.weft.core.ServerScope;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** The parts of an application (handlers, filters) that are {@link ServerAware}, each told once. */
final class ServerAwareParts implements ServerAware {

    private final List<ServerAware> parts;

    /** The {@link ServerAware} ones among {@code candidates}, each instance once. */
    ServerAwareParts(Collection<?> candidates) {
        Set<ServerAware> aware = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object candidate : candidates) {
            if (candidate instanceof ServerAware a) {
                aware.add(a);
            }
        }
        this.parts = List.copyOf(aware);
    }

    @Override
    public void serverStarted(ServerScope scope) {
        parts.forEach(part -> part.serverStarted(scope));
    }

    @Override
    public void serverStopping() {
        parts.forEach(ServerAware::serverStopping);
    }
}
