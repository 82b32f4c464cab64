package org.example.mini;

/** Hyper-parameters of the model. */
final class Hyper {

  static final int HIDDEN = 16;

  private Hyper() {}
}
