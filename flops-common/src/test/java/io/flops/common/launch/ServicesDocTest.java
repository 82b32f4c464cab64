package io.flops.common.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/services.md cannot drift from the launch records: the table under the heading that names a
 * record lists exactly that record's variables, in order.
 */
class ServicesDocTest {

  private static final Path DOC = Path.of("..", "docs", "services.md");
  private static final Pattern HEADING = Pattern.compile("^### .*\\(`(\\w+)`\\).*$");
  private static final Pattern ROW = Pattern.compile("^\\| `(FLOPS_[A-Z0-9_]+)` \\|.*$");

  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of("ServiceLaunch", ServiceLaunch.variables()),
        Arguments.of("TrackingLaunch", TrackingLaunch.variables()),
        Arguments.of("BuilderLaunch", BuilderLaunch.variables()),
        Arguments.of("AggregatorLaunch", AggregatorLaunch.variables()),
        Arguments.of("LearnerLaunch", LearnerLaunch.variables()),
        Arguments.of("TlsLaunch", TlsLaunch.variables()),
        Arguments.of("ObserverLaunch", ObserverLaunch.variables()),
        Arguments.of("DataServerLaunch", DataServerLaunch.variables()),
        Arguments.of("DataServerTlsLaunch", DataServerTlsLaunch.variables()),
        Arguments.of("MockProviderLaunch", MockProviderLaunch.variables()),
        Arguments.of("InferenceLaunch", InferenceLaunch.variables()),
        Arguments.of("InstanceVariable", List.<LaunchVariable>of(InstanceVariable.values())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void theRecordsTableListsExactlyItsVariables(String record, List<LaunchVariable> variables)
      throws IOException {
    assertThat(tables())
        .as("docs/services.md needs a heading '### ... (`%s`)' with a table of variables", record)
        .containsKey(record);
    assertThat(tables().get(record))
        .as("the variables of %s in docs/services.md", record)
        .containsExactlyElementsOf(variables.stream().map(LaunchVariable::envName).toList());
  }

  @Test
  void everyDocumentedRecordIsChecked() throws IOException {
    List<String> checked = records().map(arguments -> (String) arguments.get()[0]).toList();
    assertThat(checked).containsAll(tables().keySet());
  }

  /** Record name → the variables in the first column of the table under its heading. */
  private static Map<String, List<String>> tables() throws IOException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : Files.readAllLines(DOC)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        current = new ArrayList<>();
        tables.put(heading.group(1), current);
      } else if (line.startsWith("#")) {
        current = null;
      } else if (current != null) {
        Matcher row = ROW.matcher(line);
        if (row.matches()) {
          current.add(row.group(1));
        }
      }
    }
    return tables;
  }
}
