package dev.weft.samples.http;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dev.weft.core.limit.RateLimit;
import dev.weft.http.OrderedFilter;
import dev.weft.http.limit.RateLimitFilter;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/**
 * The filters of the {@code http} sample: a per-address rate limit when {@code --rate-limit} is
 * given, one for the component, so an address has one budget over HTTP and HTTPS together.
 */
@Module
interface HttpSampleFilters {

    @Provides
    @Singleton
    @ElementsIntoSet
    static Set<OrderedFilter> rateLimit(@PerClientRateLimit Optional<RateLimit> limit) {
        return limit.<Set<OrderedFilter>>map(rate -> Set.of(
                new OrderedFilter(RateLimitFilter.ORDER, RateLimitFilter.perAddress(rate)))).orElse(Set.of());
    }
}
