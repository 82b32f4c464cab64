package io.flops.images;

import io.flops.common.testsupport.CncfRegistry;
import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.HostAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One CNCF registry with the bases and every FLOps service image in it, built once per test JVM and
 * shared by the ITs of this module. The registry listens on every interface and is named by the
 * host's address, so that the same image references work for Podman on the host and for containers
 * (the trained-model builder pushes from inside one).
 */
final class BuiltImages {

  static final Path WORK = Path.of("target", "service-images").toAbsolutePath();

  private static BuiltImages instance;

  private final ExternalServer registry;
  private final String address;

  private BuiltImages(ExternalServer registry, String address) {
    this.registry = registry;
    this.address = address;
  }

  /** The registry with the images, built on first use; it stops when the JVM ends. */
  static synchronized BuiltImages get() {
    if (instance == null) {
      try {
        Files.createDirectories(WORK);
        ExternalServer registry = CncfRegistry.startOnAllInterfaces(WORK.resolve("registry"));
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close));
        String address = HostAddress.forContainers() + ":" + registry.port();
        ServiceImageBuild.pushBases(address, WORK);
        ServiceImageBuild.buildServices(address, WORK);
        instance = new BuiltImages(registry, address);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** {@code host:port} of the registry, as used in image references. */
  String address() {
    return address;
  }

  /** The image of FLOps service {@code service} (e.g. {@code observer}). */
  String service(String service) {
    return address + "/flops/" + service + ":" + Images.version();
  }

  /** The JRE base under learner, aggregator and inference images. */
  String jreBase() {
    return address + "/flops/jre:17";
  }

  int port() {
    return registry.port();
  }
}
