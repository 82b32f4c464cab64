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
 */
public record DataServerLaunch(Path storageDir) {

  /** The Arrow Flight container port learners and mock data providers connect to. */
  public static final int FLIGHT_PORT = 11027;

  /** The HTTP health and metrics container port. */
  public static final int HTTP_PORT = 11028;

  /** The data server's variables. */
  public enum Variable implements LaunchVariable {
    /** The node's storage directory: the spec names this variable, the orchestrator fills it. */
    STORAGE_DIR("FLOPS_DATASERVER_STORAGE_DIR");

    private final String envName;

    Variable(String envName) {
      this.envName = envName;
    }

    @Override
    public String envName() {
      return envName;
    }
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
    return new DataServerLaunch(
        new LaunchReader(environment).path(Variable.STORAGE_DIR, defaultStorageDir()));
  }

  /** These settings as environment variables. */
  public Map<String, String> toEnvironment() {
    return new LaunchWriter().put(Variable.STORAGE_DIR, storageDir).toMap();
  }
}
