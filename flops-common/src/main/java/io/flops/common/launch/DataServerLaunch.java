package io.flops.common.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a data server is told when it starts (docs/services.md, "Data server"). Its ports come as
 * {@link InstanceVariable#port(int)} of {@link #FLIGHT_PORT} and {@link #HTTP_PORT}.
 *
 * @param storageDir where data sets are kept (default {@code ~/.flops/dataserver}); the
 *     orchestrator sets it per node
 * @param readerToken the token that may list and read data sets (learners); with the other two, or
 *     all empty: open to every caller
 * @param writerToken the token that may also put data sets (mock-data providers)
 * @param adminToken the token that may also drop data sets
 */
public record DataServerLaunch(
    Path storageDir, String readerToken, String writerToken, String adminToken) {

  /** The Arrow Flight container port learners and mock data providers connect to. */
  public static final int FLIGHT_PORT = 11027;

  /** The HTTP health and metrics container port. */
  public static final int HTTP_PORT = 11028;

  /** The data server's variables. */
  public enum Variable implements LaunchVariable {
    /** The node's storage directory: the spec names this variable, the orchestrator fills it. */
    STORAGE_DIR("FLOPS_DATASERVER_STORAGE_DIR"),
    READER_TOKEN("FLOPS_DATASERVER_READER_TOKEN"),
    WRITER_TOKEN("FLOPS_DATASERVER_WRITER_TOKEN"),
    ADMIN_TOKEN("FLOPS_DATASERVER_ADMIN_TOKEN");

    private final String envName;

    Variable(String envName) {
      this.envName = envName;
    }

    @Override
    public String envName() {
      return envName;
    }
  }

  public DataServerLaunch {
    readerToken = readerToken == null ? "" : readerToken;
    writerToken = writerToken == null ? "" : writerToken;
    adminToken = adminToken == null ? "" : adminToken;
  }

  /** A data server open to every caller. */
  public DataServerLaunch(Path storageDir) {
    this(storageDir, "", "", "");
  }

  /** The storage directory of a data server no orchestrator told otherwise. */
  public static Path defaultStorageDir() {
    return Path.of(System.getProperty("user.home"), ".flops", "dataserver");
  }

  /** The data server's variables, in documentation order. */
  public static List<LaunchVariable> variables() {
    return List.of(Variable.values());
  }

  /** Reads a data server's settings. */
  public static DataServerLaunch fromEnvironment(Map<String, String> environment) {
    LaunchReader read = new LaunchReader(environment);
    return new DataServerLaunch(
        read.path(Variable.STORAGE_DIR, defaultStorageDir()),
        read.text(Variable.READER_TOKEN, ""),
        read.text(Variable.WRITER_TOKEN, ""),
        read.text(Variable.ADMIN_TOKEN, ""));
  }

  /** These settings as environment variables. */
  public Map<String, String> toEnvironment() {
    return new LaunchWriter()
        .put(Variable.STORAGE_DIR, storageDir)
        .put(Variable.READER_TOKEN, readerToken)
        .put(Variable.WRITER_TOKEN, writerToken)
        .put(Variable.ADMIN_TOKEN, adminToken)
        .toMap();
  }

  /** Leaves out the tokens. */
  @Override
  public String toString() {
    return "DataServerLaunch[storageDir=" + storageDir + ", tokens=" + !readerToken.isEmpty() + "]";
  }
}
