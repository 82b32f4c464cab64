package io.flops.manager.orchestration.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads the last lines a container wrote. */
final class ContainerLogs {

  private ContainerLogs() {}

  static List<String> tail(DockerClient docker, String container, int lines) {
    List<String> collected = new ArrayList<>();
    try {
      docker
          .logContainerCmd(container)
          .withStdOut(true)
          .withStdErr(true)
          .withTail(lines)
          .exec(
              new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                  for (String line :
                      new String(frame.getPayload(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isEmpty()) {
                      collected.add(line);
                    }
                  }
                }
              })
          .awaitCompletion(10, TimeUnit.SECONDS);
    } catch (DockerException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return List.copyOf(collected.subList(Math.max(0, collected.size() - lines), collected.size()));
  }
}
