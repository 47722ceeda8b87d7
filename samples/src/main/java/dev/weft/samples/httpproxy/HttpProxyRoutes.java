package dev.weft.samples.httpproxy;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.weft.core.pool.ConnectionPool;
import dev.weft.http.Response;
import dev.weft.http.Route;
import dev.weft.http.proxy.ReverseProxy;
import jakarta.inject.Singleton;

/** {@code GET} and {@code POST /proxy/*} to the upstream, and {@code GET /pool} for the pool's metrics. */
@Module
interface HttpProxyRoutes {

    @Provides
    @Singleton
    static ReverseProxy reverseProxy(ConnectionPool pool) {
        return new ReverseProxy(pool, "/proxy", ReverseProxy.Limits.DEFAULTS);
    }

    @Provides
    @IntoSet
    static Route proxyGet(ReverseProxy proxy) {
        return Route.get("/proxy/*", proxy);
    }

    @Provides
    @IntoSet
    static Route proxyPost(ReverseProxy proxy) {
        return Route.post("/proxy/*", proxy);
    }

    @Provides
    @IntoSet
    static Route poolMetrics(ConnectionPool pool) {
        return Route.get("/pool", request -> Response.ok(pool.metrics() + "\n"));
    }
}
