package io.flops.builder.image;

import com.google.cloud.tools.jib.api.JibEvent;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.progress.Allocation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what Jib really uploads: a blob counts when Jib tried to push it more often than it found
 * it already in the registry (one Jib run per platform tries the shared layers again). Listens to
 * Jib's progress ("pushing blob sha256:…") and log events ("… already exists on target registry").
 * Blobs uploaded outside Jib (manifest lists) are added with {@link #uploaded}.
 */
public final class PushTracker implements Consumer<JibEvent> {

  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final String PUSHING = "pushing blob ";

  private final Set<Allocation> allocations = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> sizes = new ConcurrentHashMap<>();
  private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
  private final Map<String, Integer> skipped = new ConcurrentHashMap<>();
  private final Map<String, Long> extra = new ConcurrentHashMap<>();

  @Override
  public void accept(JibEvent event) {
    if (event instanceof ProgressEvent progress) {
      String description = progress.getAllocation().getDescription();
      if (description.startsWith(PUSHING) && allocations.add(progress.getAllocation())) {
        String digest = description.substring(PUSHING.length()).trim();
        sizes.put(digest, progress.getAllocation().getAllocationUnits());
        attempts.merge(digest, 1, Integer::sum);
      }
    } else if (event instanceof LogEvent log && log.getMessage().contains("already exists")) {
      Matcher matcher = DIGEST.matcher(log.getMessage());
      if (matcher.find()) {
        skipped.merge(matcher.group(), 1, Integer::sum);
      }
    }
  }

  /** Records bytes written by the builder itself (a manifest list, a tarball). */
  public void uploaded(String what, long bytes) {
    extra.merge(what, bytes, Long::sum);
  }

  /** Bytes uploaded so far. */
  public long bytes() {
    long jib = blobs().stream().mapToLong(sizes::get).sum();
    return jib + extra.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Digests of the blobs Jib uploaded (not those the registry already had). */
  public List<String> blobs() {
    return attempts.entrySet().stream()
        .filter(entry -> entry.getValue() > skipped.getOrDefault(entry.getKey(), 0))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }
}
