package io.flops.tracking.mlmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PyYaml writes what PyYAML 6's {@code safe_dump(default_flow_style=False)} writes. */
class PyYamlTest {

  @Test
  void writesLikePythonsSafeDump() {
    Map<String, Object> signature = new LinkedHashMap<>();
    signature.put(
        "inputs",
        "[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float32\", \"shape\": [-1, 28, 28]}}]");
    signature.put(
        "outputs",
        "[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"float32\", \"shape\": [-1, 10]}}]");
    signature.put("params", null);
    Map<String, Object> document = new HashMap<>();
    document.put("signature", signature);
    document.put(
        "name",
        "FLOps Project a-rather-long-project-identifier with several words that exceed eighty"
            + " columns");
    document.put(
        "quoted",
        List.of(
            "0",
            "",
            "yes",
            "1.5",
            "2026-11-23 08:36:47.743662",
            "a: b",
            "-x",
            "it's",
            "None",
            "file:///data/mlruns/0",
            "1e5",
            "12e5",
            "0x1F",
            "~",
            ".5"));
    document.put("id", "990370297235712073");
    document.put("desc", null);
    document.put("aliases", Map.of());
    document.put("tags", List.of());

    // Expected: the output of PyYAML 6.0.3 for the same document (MLflow 2.17.2 writes with it).
    assertThat(PyYaml.mapping(document))
        .isEqualTo(
            "aliases: {}\ndesc: null\nid: '990370297235712073'\nname: FLOps Project"
                + " a-rather-long-project-identifier with several words that exceed\n  eighty"
                + " columns\nquoted:\n- '0'\n- ''\n- 'yes'\n- '1.5'\n- '2026-11-23"
                + " 08:36:47.743662'\n- 'a: b'\n- -x\n- it's\n- None\n- file:///data/mlruns/0\n-"
                + " 1e5\n- 12e5\n- '0x1F'\n- '~'\n- '.5'\nsignature:\n  inputs: '[{\"type\":"
                + " \"tensor\", \"tensor-spec\": {\"dtype\": \"float32\", \"shape\": [-1, 28,\n "
                + "   28]}}]'\n  outputs: '[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\":"
                + " \"float32\", \"shape\": [-1,\n    10]}}]'\n  params: null\ntags: []\n");
  }
}
