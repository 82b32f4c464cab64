package io.flops.cli.nodes;

import io.flops.common.api.DataServerView;
import io.flops.common.api.DataTagView;
import io.flops.common.api.NodeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The nodes as a table: one row per data tag of each node's data server. */
final class NodesTable {

  private static final String ROW = "%-12s %-14s %-22s %-5s %-12s %8s %10s %10s";

  private NodesTable() {}

  static List<String> lines(List<NodeView> nodes) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            ROW,
            "CLUSTER",
            "NODE",
            "DATA SERVER",
            "READY",
            "TAG",
            "DATASETS",
            "ROWS",
            "BYTES"));
    for (NodeView node : nodes) {
      rows(node, lines);
    }
    return lines;
  }

  private static void rows(NodeView node, List<String> lines) {
    DataServerView server = node.dataServer();
    if (server == null) {
      lines.add(row(node, "-", "-", null));
      return;
    }
    String address =
        server.publicAddress() == null || server.publicAddress().equals(server.address())
            ? server.address()
            : server.address() + " (public " + server.publicAddress() + ")";
    String ready = server.ready() ? "yes" : "no";
    if (server.tags().isEmpty()) {
      lines.add(row(node, address, ready, null));
    }
    for (DataTagView tag : server.tags()) {
      lines.add(row(node, address, ready, tag));
    }
  }

  private static String row(NodeView node, String address, String ready, DataTagView tag) {
    return String.format(
        Locale.ROOT,
        ROW,
        node.cluster(),
        node.node(),
        address,
        ready,
        tag == null ? "-" : tag.tag(),
        tag == null ? "-" : Long.toString(tag.datasets()),
        tag == null ? "-" : Long.toString(tag.rows()),
        tag == null ? "-" : bytes(tag.bytes()));
  }

  /** Bytes in binary units, e.g. {@code 27.4 MiB}. */
  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
