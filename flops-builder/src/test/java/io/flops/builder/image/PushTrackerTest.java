package io.flops.builder.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.progress.Allocation;
import org.junit.jupiter.api.Test;

class PushTrackerTest {

  private static final String A = "sha256:" + "a".repeat(64);
  private static final String B = "sha256:" + "b".repeat(64);

  @Test
  void countsBlobsUploadedInAnyRunButNotThoseTheRegistryHad() {
    PushTracker tracker = new PushTracker();
    Allocation root = Allocation.newRoot("build", 10);
    pushing(tracker, root, A, 1000);
    pushing(tracker, root, B, 50);
    tracker.accept(
        LogEvent.info("Skipping push; BLOB already exists on target registry : digest: " + B));
    pushing(tracker, root, A, 1000);
    tracker.accept(LogEvent.info("Skipping push; BLOB already exists on target registry : " + A));
    tracker.uploaded("manifest list", 300);

    assertThat(tracker.blobs()).containsExactly(A);
    assertThat(tracker.bytes()).isEqualTo(1300);
  }

  private static void pushing(PushTracker tracker, Allocation root, String digest, long size) {
    Allocation allocation = root.newChild("pushing blob " + digest, size);
    tracker.accept(new ProgressEvent(allocation, 0));
    tracker.accept(new ProgressEvent(allocation, size));
  }
}
