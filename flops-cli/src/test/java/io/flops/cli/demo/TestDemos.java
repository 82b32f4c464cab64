package io.flops.cli.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Demo options for the ITs: the checkout's defaults, data under a test directory, a free port. */
final class TestDemos {

  private TestDemos() {}

  /**
   * The demo with its defaults except these.
   *
   * @param dir the test's directory (the manager's data goes to {@code dir/data})
   * @param rounds training rounds
   * @param nodes simulated nodes (0: none, no MNIST pushed)
   * @param repository the ML repository to submit
   * @param timeout how long the project may take
   * @param managerArgs more {@code --property=value} arguments for the manager
   */
  static DemoOptions options(
      Path dir,
      int rounds,
      int nodes,
      Path repository,
      Duration timeout,
      List<String> managerArgs) {
    DemoOptions defaults = DemoOptions.defaults(DemoIT.HOME);
    return new DemoOptions(
        DemoIT.HOME,
        dir.resolve("data"),
        null,
        FreePorts.any(),
        false,
        defaults.clusters(),
        defaults.learners(),
        rounds,
        nodes,
        repository,
        defaults.slaTemplate(),
        timeout,
        managerArgs,
        null);
  }

  /** The demo's defaults, data under {@code dir}. */
  static DemoOptions defaults(Path dir, Duration timeout) {
    DemoOptions defaults = DemoOptions.defaults(DemoIT.HOME);
    return options(
        dir, defaults.rounds(), defaults.nodes(), defaults.repository(), timeout, List.of());
  }
}
