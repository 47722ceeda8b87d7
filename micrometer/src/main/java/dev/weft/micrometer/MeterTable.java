package dev.weft.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The meters made from one kind of metrics snapshot ({@code ServerMetrics}, {@code UdpMetrics}…):
 * one line per component, naming the meter, what it counts and the accessor that reads it — so a
 * component added to the snapshot is one more line here. Binding a table to a snapshot source
 * registers every meter with the source's tags; each reads a fresh snapshot when it is read.
 *
 * @param <M> the snapshot type
 */
final class MeterTable<M> {

    private final List<Row<M>> rows = new ArrayList<>();

    /** One meter: a counter (rising since the source was made) or a gauge (a value now). */
    private record Row<M>(boolean counter, String name, String description, String unit, Tags tags,
                          ToDoubleFunction<M> read) {
    }

    /**
     * Adds a counter.
     *
     * @param name        the meter name
     * @param description what it counts
     * @param read        the component
     * @return this table
     */
    MeterTable<M> counter(String name, String description, ToDoubleFunction<M> read) {
        return add(true, name, description, null, Tags.empty(), read);
    }

    /**
     * Adds a counter with tags of its own, one of several counters of one name.
     *
     * @param name        the meter name
     * @param tags        what distinguishes this one ({@code kind}, {@code idle})
     * @param description what it counts
     * @param read        the component
     * @return this table
     */
    MeterTable<M> counter(String name, Tags tags, String description, ToDoubleFunction<M> read) {
        return add(true, name, description, null, tags, read);
    }

    /**
     * Adds a counter of bytes.
     *
     * @param name        the meter name
     * @param description what it counts
     * @param read        the component
     * @return this table
     */
    MeterTable<M> bytes(String name, String description, ToDoubleFunction<M> read) {
        return add(true, name, description, "bytes", Tags.empty(), read);
    }

    /**
     * Adds a gauge.
     *
     * @param name        the meter name
     * @param description what it measures
     * @param read        the component
     * @return this table
     */
    MeterTable<M> gauge(String name, String description, ToDoubleFunction<M> read) {
        return add(false, name, description, null, Tags.empty(), read);
    }

    /**
     * Adds a gauge with tags of its own, one of several gauges of one name.
     *
     * @param name        the meter name
     * @param tags        what distinguishes this one ({@code state}, {@code idle})
     * @param description what it measures
     * @param read        the component
     * @return this table
     */
    MeterTable<M> gauge(String name, Tags tags, String description, ToDoubleFunction<M> read) {
        return add(false, name, description, null, tags, read);
    }

    private MeterTable<M> add(boolean counter, String name, String description, String unit, Tags tags,
                              ToDoubleFunction<M> read) {
        rows.add(new Row<>(counter, name, description, unit, tags, read));
        return this;
    }

    /**
     * Registers every meter of the table on {@code registry}, reading {@code source}.
     *
     * @param registry where
     * @param tags     the source's tags ({@code server=http})
     * @param source   a fresh snapshot each call
     */
    void bind(MeterRegistry registry, Tags tags, Supplier<? extends M> source) {
        for (Row<M> row : rows) {
            // The registry itself is the meter's state object: Micrometer holds that weakly and
            // the function strongly, so the source lives exactly as long as the registry.
            ToDoubleFunction<MeterRegistry> read = ignored -> row.read().applyAsDouble(source.get());
            if (row.counter()) {
                FunctionCounter.builder(row.name(), registry, read).description(row.description())
                        .baseUnit(row.unit()).tags(tags.and(row.tags())).register(registry);
            } else {
                Gauge.builder(row.name(), registry, read).description(row.description())
                        .baseUnit(row.unit()).tags(tags.and(row.tags())).register(registry);
            }
        }
    }
}
