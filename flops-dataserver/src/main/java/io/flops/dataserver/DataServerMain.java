package io.flops.dataserver;

import io.flops.common.launch.MockProviderLaunch;
import io.flops.dataserver.mock.MockDataProviderApplication;
import io.flops.dataserver.server.DataServerApplication;
import java.util.Arrays;

/**
 * The jar's entry point. It runs one of two things:
 *
 * <ul>
 *   <li>the mock data provider (one-shot) when {@code FLOPS_MOCK_DATASET} is set or the first
 *       argument is {@code mock};
 *   <li>otherwise the ML data server.
 * </ul>
 *
 * The transfer benchmark lives in {@code flops-benchmarks} (docs/data.md).
 */
public final class DataServerMain {

  private DataServerMain() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "";
    String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
    if ("mock".equals(mode)) {
      MockDataProviderApplication.main(rest);
    } else if (!isBlank(System.getenv(MockProviderLaunch.Variable.DATASET.envName()))) {
      MockDataProviderApplication.main(args);
    } else {
      DataServerApplication.main("server".equals(mode) ? rest : args);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
