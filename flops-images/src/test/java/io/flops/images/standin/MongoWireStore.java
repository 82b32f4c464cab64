package io.flops.images.standin;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.concurrent.CountDownLatch;

/**
 * The compose suite's stand-in for MongoDB (mongod is not packaged in Debian and Docker Hub is out
 * of reach): mongo-java-server with its H2 backend, the MongoDB-wire server the manager embeds by
 * default, on port 27017 with its file in {@code /data/db} (the suite's {@code mongo-data} volume).
 * It has no authentication, so the suite's URI carries no credentials when it stands in.
 */
public final class MongoWireStore {

  private MongoWireStore() {}

  public static void main(String[] args) throws InterruptedException {
    MongoServer server = new MongoServer(new H2Backend("/data/db/flops.mv"));
    server.bind("0.0.0.0", 27017);
    System.out.println("MongoDB-wire stand-in on " + server.getLocalAddress());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdown();
                  stopped.countDown();
                }));
    stopped.await();
  }
}
