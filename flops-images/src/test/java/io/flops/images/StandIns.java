package io.flops.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The compose suite's stand-ins in the local Podman storage ({@code localhost/flops-stand-in/*}):
 * the real Mosquitto and CNCF registry from Debian's binaries (deploy/test/build-stand-ins.sh), and
 * two Java programs on FLOps' JRE base built here with Jib: a MongoDB-wire server ({@link
 * io.flops.images.standin.MongoWireStore}) and WireMock with MLflow 2.17.2's recorded exchanges.
 */
final class StandIns {

  /** Jars the MongoDB-wire stand-in runs on, picked from this test's class path by file name. */
  private static final List<String> STORE_JARS =
      List.of("mongo-java-server", "h2-", "netty-", "slf4j-api");

  private static final String PREFIX = "localhost/flops-stand-in/";
  private static final String HOME = "/opt/stand-in";

  private StandIns() {}

  static void build(BuiltImages images, Path work) throws Exception {
    Command natives =
        Command.of(
            Images.root(),
            "bash",
            Images.root().resolve("deploy/test/build-stand-ins.sh").toString());
    natives
        .run("podman", Duration.ofMinutes(5), work.resolve("stand-ins.log"))
        .expectSuccess(natives);

    List<Path> storeJars = new ArrayList<>();
    Path wiremock = null;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      String name = path.getFileName().toString();
      if (name.startsWith("wiremock-standalone")) {
        wiremock = path;
      } else if (name.endsWith(".jar") && STORE_JARS.stream().anyMatch(name::startsWith)) {
        storeJars.add(path);
      }
    }
    if (wiremock == null) {
      throw new AssertionError("wiremock-standalone is not on the test class path");
    }
    Path classes =
        Path.of(StandIns.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path standInClasses = classes.resolve("io/flops/images/standin");

    javaImage(
        images,
        work,
        "mongodb",
        List.of(
            new Layer(storeJars, HOME + "/lib"),
            new Layer(List.of(standInClasses), HOME + "/classes/io/flops/images")),
        List.of(
            "java",
            "-cp",
            HOME + "/classes:" + HOME + "/lib/*",
            io.flops.images.standin.MongoWireStore.class.getName()));
    Path mappings = Images.root().resolve("flops-tracking/src/test/resources/mlflow/mappings");
    javaImage(
        images,
        work,
        "mlflow",
        List.of(
            new Layer(List.of(wiremock), HOME),
            new Layer(List.of(mappings), HOME + "/wiremock"),
            new Layer(List.of(standInClasses), HOME + "/classes/io/flops/images")),
        List.of(
            "java", "-jar", HOME + "/" + wiremock.getFileName(), "--root-dir", HOME + "/wiremock"));
  }

  private record Layer(List<Path> files, String directory) {}

  private static void javaImage(
      BuiltImages images, Path work, String name, List<Layer> layers, List<String> entrypoint)
      throws Exception {
    var builder = Jib.from(RegistryImage.named(images.jreBase())).setUser("0");
    for (Layer layer : layers) {
      builder.addLayer(layer.files(), AbsoluteUnixPath.get(layer.directory()));
    }
    Path tar = work.resolve("stand-in-" + name + ".tar");
    String reference = PREFIX + name + ":test";
    builder
        .setEntrypoint(entrypoint)
        .containerize(
            Containerizer.to(TarImage.at(tar).named(ImageReference.parse(reference)))
                .setAllowInsecureRegistries(true)
                .setBaseImageLayersCache(work.resolve("jib-cache")));
    new Podman(work).expect("load", "-q", "-i", tar.toString());
    Files.delete(tar);
  }
}
