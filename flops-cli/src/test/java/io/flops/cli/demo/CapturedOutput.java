package io.flops.cli.demo;

import io.flops.cli.progress.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a demo run printed (as without a terminal), also echoed to the test's standard output. */
final class CapturedOutput {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Terminal terminal;

  CapturedOutput() {
    OutputStream both =
        new OutputStream() {
          @Override
          public void write(int b) {
            bytes.write(b);
            System.out.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            System.out.write(b, off, len);
          }
        };
    terminal = new Terminal(new PrintStream(both, true, StandardCharsets.UTF_8), false);
  }

  Terminal terminal() {
    return terminal;
  }

  String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
