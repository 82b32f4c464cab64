package io.flops.cli.demo;

/** Pauses between polls; an interrupt ends the pause early and stays set. */
final class Sleep {

  private Sleep() {}

  static void millis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
