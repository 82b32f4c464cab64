package io.flops.cli.data;

import io.flops.cli.client.Json;
import io.flops.cli.command.ExitCode;
import io.flops.cli.command.ManagerOptions;
import io.flops.cli.progress.ProgressView;
import io.flops.cli.progress.Terminal;
import io.flops.common.sla.MockDataConfiguration;
import io.flops.common.sla.MockDataSla;
import io.flops.common.sla.Partitioner;
import io.flops.common.sla.ProjectSla;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code flops data push}: a public data set, partitioned, onto the nodes' data servers. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Pushes a public data set to the data servers through a mock data provider"
          + " (POST /api/flops/mocks, docs/data.md): partition k goes to data server k.",
      "Existing data under the tag is kept."
    })
public final class DataPushCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ManagerOptions manager;

  @Option(
      names = "--dataset",
      paramLabel = "<name>",
      defaultValue = "mnist",
      completionCandidates = Datasets.class,
      description = "The data set: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String dataset;

  @Option(
      names = "--partitions",
      paramLabel = "<n>",
      required = true,
      description = "How many partitions, one per data server.")
  int partitions;

  @Option(
      names = "--partitioner",
      paramLabel = "<name>",
      defaultValue = "iid",
      converter = PartitionerConverter.class,
      completionCandidates = Partitioners.class,
      description = "How to split: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Partitioner partitioner;

  @Option(
      names = "--tag",
      paramLabel = "<tag>",
      description = "The data tag to store it under (default: the data set's name).")
  String tag;

  @Option(
      names = "--alpha",
      paramLabel = "<alpha>",
      description = "Dirichlet concentration of --partitioner dirichlet (default: 0.5).")
  Double alpha;

  @Option(
      names = "--labels-per-partition",
      paramLabel = "<k>",
      description = "Labels per partition of --partitioner labels (default: 2).")
  Integer labelsPerPartition;

  @Option(
      names = "--seed",
      paramLabel = "<seed>",
      description = "Random seed: the same settings give the same split (default: 42).")
  Long seed;

  @Option(
      names = "--customer",
      paramLabel = "<customerID>",
      defaultValue = ProjectSla.DEFAULT_CUSTOMER,
      description =
          "The customer whose helper application runs the provider (default: ${DEFAULT-VALUE}).")
  String customer;

  @Option(
      names = "--timeout",
      paramLabel = "<minutes>",
      defaultValue = "5",
      description = "How long the push may take (default: ${DEFAULT-VALUE}).")
  int timeoutMinutes;

  @Override
  public Integer call() {
    MockDataSla sla =
        new MockDataSla(
            customer,
            new MockDataConfiguration(
                dataset, partitions, tag, partitioner, alpha, labelsPerPartition, seed));
    ProgressView view = new ProgressView(Terminal.of(spec.commandLine().getOut()));
    try {
      new MockDataPush(manager.client(), view)
          .push(Json.tree(sla), Duration.ofMinutes(timeoutMinutes));
      return ExitCode.OK.code();
    } catch (IllegalStateException e) {
      view.finish();
      spec.commandLine().getErr().println("flops data push: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return ExitCode.FAILED.code();
    } finally {
      view.finish();
    }
  }

  /** The data sets the mock data provider knows (docs/data.md). */
  static final class Datasets implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.asList("mnist", "iris").iterator();
    }
  }

  /** The partitioners by their SLA names. */
  static final class Partitioners implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Partitioner.values()).map(Partitioner::jsonName).iterator();
    }
  }

  /** Reads a partitioner by its SLA name, e.g. {@code dirichlet}. */
  static final class PartitionerConverter implements ITypeConverter<Partitioner> {
    @Override
    public Partitioner convert(String value) {
      try {
        return Partitioner.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
