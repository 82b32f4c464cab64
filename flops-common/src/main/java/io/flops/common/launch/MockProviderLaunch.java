package io.flops.common.launch;

import io.flops.common.sla.Partitioner;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a mock data provider is told when it starts (docs/services.md, "Mock data provider"); its
 * {@link ServiceLaunch#projectId()} is the mock job id.
 *
 * @param service the settings of every service
 * @param dataset the data set to load, e.g. {@code mnist}
 * @param dataTag the tag the partitions are stored under
 * @param dataServers data servers {@code host:port}, partition k to server k (the manager writes
 *     the data servers of the nodes it knows)
 * @param partitions how many partitions the data set is split into (default 1)
 * @param partitioner how it is split (default iid)
 * @param alpha the Dirichlet concentration (default 0.5)
 * @param labelsPerPartition classes per partition for the labels partitioner (default 2)
 * @param seed the partitioning seed (default 42)
 * @param partitionIndex push only this partition (from 0) to the one data server given, or null for
 *     every partition
 * @param dataToken the data servers' writer token, sent with every put; empty: none
 * @param dataCaPem the authority the data servers' certificates are of (PEM; Base64 on one line in
 *     the environment); empty: the data servers speak plaintext
 */
public record MockProviderLaunch(
    ServiceLaunch service,
    String dataset,
    String dataTag,
    List<String> dataServers,
    int partitions,
    Partitioner partitioner,
    double alpha,
    int labelsPerPartition,
    long seed,
    Integer partitionIndex,
    String dataToken,
    String dataCaPem) {

  /** The provider's own variables (it also reads {@link ServiceLaunch}'s). */
  public enum Variable implements LaunchVariable {
    DATASET("FLOPS_MOCK_DATASET"),
    DATA_TAG("FLOPS_MOCK_DATA_TAG"),
    /** Added by the orchestrator: the data servers of the learner nodes, in node order. */
    DATA_SERVERS("FLOPS_MOCK_DATA_SERVERS"),
    PARTITIONS("FLOPS_MOCK_PARTITIONS"),
    PARTITIONER("FLOPS_MOCK_PARTITIONER"),
    ALPHA("FLOPS_MOCK_ALPHA"),
    LABELS_PER_PARTITION("FLOPS_MOCK_LABELS_PER_PARTITION"),
    SEED("FLOPS_MOCK_SEED"),
    PARTITION_INDEX("FLOPS_MOCK_PARTITION_INDEX"),
    DATA_TOKEN("FLOPS_MOCK_DATA_TOKEN"),
    DATA_CA("FLOPS_MOCK_DATA_CA");

    private final String envName;

    Variable(String envName) {
      this.envName = envName;
    }

    @Override
    public String envName() {
      return envName;
    }
  }

  public MockProviderLaunch {
    dataServers = List.copyOf(dataServers);
    dataToken = dataToken == null ? "" : dataToken;
    dataCaPem = dataCaPem == null ? "" : dataCaPem;
  }

  /** A provider that sends {@code dataToken} to data servers speaking plaintext. */
  public MockProviderLaunch(
      ServiceLaunch service,
      String dataset,
      String dataTag,
      List<String> dataServers,
      int partitions,
      Partitioner partitioner,
      double alpha,
      int labelsPerPartition,
      long seed,
      Integer partitionIndex,
      String dataToken) {
    this(
        service,
        dataset,
        dataTag,
        dataServers,
        partitions,
        partitioner,
        alpha,
        labelsPerPartition,
        seed,
        partitionIndex,
        dataToken,
        "");
  }

  /** A provider that sends no token (data servers open to every caller). */
  public MockProviderLaunch(
      ServiceLaunch service,
      String dataset,
      String dataTag,
      List<String> dataServers,
      int partitions,
      Partitioner partitioner,
      double alpha,
      int labelsPerPartition,
      long seed,
      Integer partitionIndex) {
    this(
        service,
        dataset,
        dataTag,
        dataServers,
        partitions,
        partitioner,
        alpha,
        labelsPerPartition,
        seed,
        partitionIndex,
        "");
  }

  /** The provider's own variables, in documentation order. */
  public static List<LaunchVariable> variables() {
    return List.of(Variable.values());
  }

  /** Reads a provider's settings; data set, tag and data servers are required. */
  public static MockProviderLaunch fromEnvironment(Map<String, String> environment) {
    LaunchReader read = new LaunchReader(environment);
    List<String> dataServers = read.list(Variable.DATA_SERVERS);
    if (dataServers.isEmpty()) {
      throw InvalidLaunchSettingException.missing(Variable.DATA_SERVERS);
    }
    return new MockProviderLaunch(
        ServiceLaunch.fromEnvironment(environment),
        read.required(Variable.DATASET),
        read.required(Variable.DATA_TAG),
        dataServers,
        read.integer(Variable.PARTITIONS, 1, 1),
        read.parsed(Variable.PARTITIONER, MockProviderLaunch::partitioner, "a partitioner")
            .orElse(Partitioner.IID),
        read.decimal(Variable.ALPHA, 0.5),
        read.integer(Variable.LABELS_PER_PARTITION, 2, 1),
        read.longInteger(Variable.SEED, 42),
        read.optionalInteger(Variable.PARTITION_INDEX),
        read.text(Variable.DATA_TOKEN, ""),
        PemVariables.decode(read, Variable.DATA_CA));
  }

  /** These settings as environment variables. */
  public Map<String, String> toEnvironment() {
    return new LaunchWriter()
        .putAll(service.toEnvironment())
        .put(Variable.DATASET, dataset)
        .put(Variable.DATA_TAG, dataTag)
        .put(Variable.DATA_SERVERS, dataServers)
        .put(Variable.PARTITIONS, partitions)
        .put(Variable.PARTITIONER, partitioner.jsonName())
        .put(Variable.ALPHA, alpha)
        .put(Variable.LABELS_PER_PARTITION, labelsPerPartition)
        .put(Variable.SEED, seed)
        .put(Variable.PARTITION_INDEX, partitionIndex)
        .put(Variable.DATA_TOKEN, dataToken)
        .put(Variable.DATA_CA, PemVariables.encode(dataCaPem))
        .toMap();
  }

  private static Partitioner partitioner(String text) {
    return Partitioner.of(text.trim().toLowerCase(Locale.ROOT));
  }

  /** Leaves out the data token. */
  @Override
  public String toString() {
    return "MockProviderLaunch[service="
        + service
        + ", dataset="
        + dataset
        + ", dataTag="
        + dataTag
        + ", dataServers="
        + dataServers
        + ", partitions="
        + partitions
        + ", partitioner="
        + partitioner
        + ", partitionIndex="
        + partitionIndex
        + ", dataTls="
        + !dataCaPem.isEmpty()
        + "]";
  }
}
