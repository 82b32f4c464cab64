package io.flops.manager.api;

import io.flops.common.error.FlopsException;
import io.flops.manager.config.FlopsProperties;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The certificate of the installation's authority ({@code <data-dir>/ca/ca.pem}), which signs the
 * FL participants' certificates and, with {@code flops.tls.web-enabled}, those of the observers and
 * inference servers: users add it to their browser or pass it to their client ({@code curl
 * --cacert}) to trust the {@code https://} URLs of the project view. Every caller with a token may
 * fetch it: it holds no secret.
 */
@RestController
public class AuthorityController {

  /** The media type of PEM files. */
  public static final String PEM = "application/x-pem-file";

  private final Path certificate;

  public AuthorityController(FlopsProperties flops) {
    this.certificate = flops.getDataDir().toAbsolutePath().normalize().resolve("ca/ca.pem");
  }

  @Operation(summary = "The certificate authority that signs the platform's TLS certificates (PEM)")
  @GetMapping(path = {"/api/flops/ca", "/api/flops/ca/"})
  public ResponseEntity<String> get() {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(PEM)).body(certificate());
  }

  /** The certificate, PEM. */
  String certificate() {
    if (!Files.exists(certificate)) {
      throw FlopsException.notFound(
          "This installation has no certificate authority: flops.tls.enabled and"
              + " flops.tls.web-enabled are both off.");
    }
    try {
      return Files.readString(certificate);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + certificate, e);
    }
  }
}
