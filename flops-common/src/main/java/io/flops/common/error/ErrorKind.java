package io.flops.common.error;

/** The error taxonomy of FLOps; each kind maps to one HTTP status in the manager's API. */
public enum ErrorKind {
  /** The request is wrong (400): a bad SLA field, malformed JSON. */
  INVALID_INPUT,
  /** The caller may not do this (403). */
  FORBIDDEN,
  /** Nothing with that id exists (404). */
  NOT_FOUND,
  /** The request conflicts with the current state, e.g. a transition that is not allowed (409). */
  CONFLICT,
  /** An outside system (orchestrator, registry, Git host) failed or could not be reached (502). */
  OUTSIDE_FAILURE
}
