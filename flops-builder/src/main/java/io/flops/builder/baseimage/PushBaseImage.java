package io.flops.builder.baseimage;

import io.flops.common.image.ImageName;
import io.flops.common.image.registry.RegistryClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Command: pushes the multi-platform JRE base image made by {@code tools/base-image/build.sh} to a
 * registry over plain HTTP.
 *
 * <pre>java -cp flops-builder-exec.jar -Dloader.main=io.flops.builder.baseimage.PushBaseImage \
 *   org.springframework.boot.loader.launch.PropertiesLauncher ~/.cache/flops/base-image/layout \
 *   127.0.0.1:5000/flops/jre:17</pre>
 */
public final class PushBaseImage {

  private PushBaseImage() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: PushBaseImage <OCI layout dir> <registry/repository:tag>");
      System.exit(2);
    }
    String registry = ImageName.parse(args[1]).registry();
    var client = new RegistryClient(registry, true, Duration.ofSeconds(60));
    String digest = new OciLayoutPusher(client).push(Path.of(args[0]), args[1]);
    System.out.println("pushed " + args[1] + " " + digest);
  }
}
