package io.flops.cli.progress;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where progress goes. On a terminal (TTY) one status line stays at the bottom and is redrawn in
 * place, with finished lines printed above it; elsewhere (a pipe, a file, a test) only the finished
 * lines are written, one per line, and the status line is left out.
 */
public final class Terminal {

  private static final String CLEAR_LINE = "\r\033[2K";
  private static final int WIDTH = 110;

  private final PrintWriter out;
  private final boolean tty;
  private String status = "";

  /**
   * @param out where to write (UTF-8)
   * @param tty true to draw the status line in place (ANSI escape codes)
   */
  public Terminal(PrintStream out, boolean tty) {
    this(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), tty);
  }

  /**
   * @param out where to write, e.g. a picocli command's {@code getOut()}
   * @param tty true to draw the status line in place (ANSI escape codes)
   */
  public Terminal(PrintWriter out, boolean tty) {
    this.out = out;
    this.tty = tty;
  }

  /** Standard output, drawn in place when it is a terminal. */
  public static Terminal system() {
    return new Terminal(System.out, System.console() != null);
  }

  /** {@code out} (a command's standard output), drawn in place when it is a terminal. */
  public static Terminal of(PrintWriter out) {
    return new Terminal(out, System.console() != null);
  }

  /** True when the status line is drawn. */
  public boolean tty() {
    return tty;
  }

  /** Prints a finished line (above the status line on a terminal). */
  public synchronized void line(String text) {
    if (tty && !status.isEmpty()) {
      out.print(CLEAR_LINE);
    }
    out.println(text);
    if (tty && !status.isEmpty()) {
      out.print(status);
    }
    out.flush();
  }

  /** Replaces the status line (only on a terminal). */
  public synchronized void status(String text) {
    if (!tty) {
      return;
    }
    status = text.length() > WIDTH ? text.substring(0, WIDTH - 3) + "..." : text;
    out.print(CLEAR_LINE + status);
    out.flush();
  }

  /** Removes the status line. */
  public synchronized void clearStatus() {
    if (tty && !status.isEmpty()) {
      out.print(CLEAR_LINE);
      out.flush();
    }
    status = "";
  }
}
