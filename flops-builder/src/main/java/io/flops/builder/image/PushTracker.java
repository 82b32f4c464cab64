package io.flops.builder.image;

import com.google.cloud.tools.jib.api.JibEvent;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what Jib really uploads: every blob Jib starts pushing, minus those it found already in
 * the registry. Listens to Jib's progress ("pushing blob sha256:…") and log events ("… already
 * exists on target registry"). Blobs uploaded outside Jib (manifest lists) are added with {@link
 * #uploaded}.
 */
public final class PushTracker implements Consumer<JibEvent> {

  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final String PUSHING = "pushing blob ";

  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final Set<String> skipped = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> extra = new ConcurrentHashMap<>();

  @Override
  public void accept(JibEvent event) {
    if (event instanceof ProgressEvent progress) {
      String description = progress.getAllocation().getDescription();
      if (description.startsWith(PUSHING)) {
        started.put(
            description.substring(PUSHING.length()).trim(),
            progress.getAllocation().getAllocationUnits());
      }
    } else if (event instanceof LogEvent log && log.getMessage().contains("already exists")) {
      Matcher matcher = DIGEST.matcher(log.getMessage());
      if (matcher.find()) {
        skipped.add(matcher.group());
      }
    }
  }

  /** Records bytes written by the builder itself (a manifest list, a tarball). */
  public void uploaded(String what, long bytes) {
    extra.merge(what, bytes, Long::sum);
  }

  /** Bytes uploaded so far. */
  public long bytes() {
    long jib =
        started.entrySet().stream()
            .filter(entry -> !skipped.contains(entry.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    return jib + extra.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Digests of the blobs Jib uploaded (not those the registry already had). */
  public List<String> blobs() {
    return started.keySet().stream().filter(digest -> !skipped.contains(digest)).sorted().toList();
  }
}
