package io.flops.dataserver.server;

import io.flops.dataserver.store.DatasetStore;
import io.flops.dataserver.store.TagStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * Gauges per data tag: {@code flops.dataserver.datasets}, {@code flops.dataserver.rows} and {@code
 * flops.dataserver.bytes}, each with the tag {@code data_tag}; refreshed on every put and drop.
 */
@Component
class DatasetMetrics implements MeterBinder {

  private final DatasetStore store;
  private MultiGauge datasets;
  private MultiGauge rows;
  private MultiGauge bytes;

  DatasetMetrics(DatasetStore store) {
    this.store = store;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    datasets = gauge(registry, "flops.dataserver.datasets", "data sets stored per data tag", null);
    rows = gauge(registry, "flops.dataserver.rows", "rows stored per data tag", "rows");
    bytes = gauge(registry, "flops.dataserver.bytes", "bytes on disk per data tag", "bytes");
    store.onChange(this::refresh);
    refresh();
  }

  private synchronized void refresh() {
    Map<String, TagStats> stats = store.statsByTag();
    register(datasets, stats, TagStats::datasets);
    register(rows, stats, TagStats::rows);
    register(bytes, stats, TagStats::bytes);
  }

  private static void register(
      MultiGauge gauge, Map<String, TagStats> stats, ToLongFunction<TagStats> value) {
    List<MultiGauge.Row<?>> rows =
        stats.entrySet().stream()
            .<MultiGauge.Row<?>>map(
                entry ->
                    MultiGauge.Row.of(
                        Tags.of("data_tag", entry.getKey()), value.applyAsLong(entry.getValue())))
            .toList();
    gauge.register(rows, true);
  }

  private static MultiGauge gauge(
      MeterRegistry registry, String name, String description, String unit) {
    return MultiGauge.builder(name).description(description).baseUnit(unit).register(registry);
  }
}
