package io.flops.dataserver.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.launch.DataServerTlsLaunch;
import io.flops.common.launch.TlsLaunch;
import io.flops.common.tls.ParticipantAuthority;
import io.flops.dataclient.ArrowLocalData;
import io.flops.dataclient.DataAccess;
import io.flops.dataclient.DataServerClient;
import io.flops.dataclient.DataServerException;
import io.flops.dataclient.DataServerTrust;
import io.flops.dataserver.TestTables;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data server serving Arrow Flight over TLS with a certificate of the installation's authority:
 * only a client that trusts that authority, checks the data servers' name and sends a token lists
 * and reads; a plaintext client or one trusting another authority gets nothing, even with the
 * token.
 */
class DataServerTlsIT {

  private static final DataAccess TOKENS = DataAccess.of("reader-t", "writer-t", "admin-t");

  @TempDir Path storage;
  private final BufferAllocator allocator = new RootAllocator();
  private RunningDataServer server;

  @BeforeEach
  void startWithOneDataSet() {
    server = new RunningDataServer(storage, TOKENS);
    try (DataServerClient writer = server.client("writer-t")) {
      TestTables.put(writer, allocator, "mnist", "train", 1, 20, 10);
    }
  }

  @AfterEach
  void stop() {
    server.close();
    allocator.close();
  }

  @Test
  void aClientWithTheAuthorityAndATokenReadsWhateverAddressItDials() {
    for (String address : List.of(server.address(), "localhost:" + server.port())) {
      try (DataServerClient reader =
              DataServerClient.connect(address, "reader-t", RunningDataServer.TRUST);
          ArrowLocalData data = reader.fetch(List.of("mnist"))) {
        assertThat(data.training().rowCount()).as("rows read from %s", address).isEqualTo(20);
      }
    }
  }

  @Test
  void aPlaintextClientCannotListOrReadEvenWithAToken() {
    try (DataServerClient plaintext =
        DataServerClient.connect(server.address(), "reader-t", DataServerTrust.PLAINTEXT)) {
      assertThatThrownBy(() -> plaintext.list(List.of("mnist")))
          .isInstanceOf(DataServerException.class)
          .hasMessageContaining("on data server " + server.address())
          .hasMessageContaining("serving plaintext (FLOPS_DATASERVER_PLAINTEXT=true)?");
      assertThatThrownBy(() -> plaintext.fetch(List.of("mnist")))
          .isInstanceOf(DataServerException.class);
    }
  }

  @Test
  void aClientTrustingAnotherAuthorityFailsTheHandshake() {
    DataServerTrust stranger =
        DataServerTrust.authority(ParticipantAuthority.inMemory().certificatePem());
    try (DataServerClient client =
        DataServerClient.connect(server.address(), "reader-t", stranger)) {
      assertThatThrownBy(() -> client.list(List.of("mnist")))
          .isInstanceOf(DataServerException.class)
          .hasMessageContaining("on data server " + server.address())
          .hasMessageContaining("a certificate of the authority this client trusts");
    }
  }

  @Test
  void aCertificateOfTheAuthorityForAnotherNameIsRefused(@TempDir Path other) {
    TlsLaunch participant = RunningDataServer.AUTHORITY.issue("p1", "learner");
    try (RunningDataServer impostor =
            new RunningDataServer(
                other,
                TOKENS,
                DataServerTlsLaunch.of(participant.certificatePem(), participant.privateKeyPem()));
        DataServerClient client = impostor.client("reader-t")) {
      assertThatThrownBy(() -> client.list(List.of()))
          .isInstanceOf(DataServerException.class)
          .hasMessageContaining("on data server " + impostor.address())
          .hasMessageContaining("names data.participants.flops");
    }
  }

  @Test
  void aTlsClientGetsNothingFromAPlaintextDataServer(@TempDir Path other) {
    try (RunningDataServer plaintext =
            new RunningDataServer(other, TOKENS, DataServerTlsLaunch.PLAINTEXT);
        DataServerClient client = plaintext.client("reader-t")) {
      assertThatThrownBy(() -> client.list(List.of())).isInstanceOf(DataServerException.class);
    }
  }
}
