package io.flops.cli.command;

import io.flops.cli.client.ManagerApiException;
import io.flops.common.api.ProjectState;

/**
 * The exit codes of the {@code flops} commands, one per outcome a script tells apart (docs/cli.md,
 * "Exit codes", lists this table).
 */
public enum ExitCode {
  /** The command did what was asked; a watched project completed. */
  OK(0, "success; a watched project COMPLETED"),
  /** Anything else that went wrong. */
  ERROR(1, "an unexpected error (the message says what failed)"),
  /**
   * A bad option or argument, e.g. an unknown command, a missing SLA file or one that is not JSON.
   */
  USAGE(2, "usage error: a bad option or argument, an SLA file that is missing or not JSON"),
  /** The manager does not know the project (HTTP 404). */
  NOT_FOUND(3, "not found: the manager does not know the project (HTTP 404)"),
  /** The manager did not answer. */
  UNREACHABLE(4, "the manager cannot be reached (connection refused, timeout, DNS)"),
  /** The manager refused the request, e.g. an invalid SLA or cancelling an ended project. */
  REJECTED(5, "the manager rejected the request: invalid input (400), conflict (409), other 4xx"),
  /** The manager wants other credentials (HTTP 401 or 403). */
  UNAUTHORIZED(6, "not authorized (401, 403): check --token / FLOPS_TOKEN"),
  /** The manager failed, or an outside system it called failed (HTTP 5xx). */
  MANAGER_FAILED(7, "the manager or a system it calls failed (5xx)"),
  /** The watched project (or the data push) failed. */
  FAILED(8, "the watched project FAILED, or the data push failed"),
  /** The watched project was cancelled. */
  CANCELLED(9, "the watched project was CANCELLED"),
  /** The project did not end within {@code --timeout}. */
  TIMED_OUT(10, "the watched project did not end within --timeout"),
  /** Ctrl-C. */
  INTERRUPTED(130, "interrupted (Ctrl-C); a submitted project keeps running");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The process exit code. */
  public int code() {
    return code;
  }

  /** One line for the documentation and {@code flops --help}. */
  public String meaning() {
    return meaning;
  }

  /** The exit code for a failed call to the manager. */
  public static ExitCode of(ManagerApiException failure) {
    int status = failure.status();
    if (status == 0) {
      return UNREACHABLE;
    }
    if (status == 404) {
      return NOT_FOUND;
    }
    if (status == 401 || status == 403) {
      return UNAUTHORIZED;
    }
    return status >= 500 ? MANAGER_FAILED : REJECTED;
  }

  /** The exit code for a project that ended in {@code state}. */
  public static ExitCode of(ProjectState state) {
    return switch (state) {
      case COMPLETED -> OK;
      case CANCELLED -> CANCELLED;
      case FAILED -> FAILED;
      default -> throw new IllegalArgumentException(state + " is not a terminal state");
    };
  }
}
