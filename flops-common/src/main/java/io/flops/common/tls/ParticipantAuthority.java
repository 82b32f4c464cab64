package io.flops.common.tls;

import io.flops.common.fl.FlAccess;
import io.flops.common.launch.DataServerTlsLaunch;
import io.flops.common.launch.TlsLaunch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * A small certificate authority (ECDSA P-256): its key and certificate live in a directory of the
 * manager ({@code <data-dir>/ca}, the key readable by its owner only), made on first use. Each
 * {@link #issue} makes a fresh key pair and a certificate for one participant of one project, good
 * for serving and for connecting, that names the project ({@link FlAccess#authority}); a restarted
 * or re-deployed participant gets a new one. {@link #issueDataServer} does the same for a data
 * server's Arrow Flight endpoint.
 */
public final class ParticipantAuthority {

  /** How long an issued certificate is valid: longer than any training should run. */
  public static final Duration VALIDITY = Duration.ofDays(30);

  /**
   * How long a data server's certificate is valid: data servers outlive trainings (they run as long
   * as their node, or the manager that started them).
   */
  public static final Duration DATA_SERVER_VALIDITY = Duration.ofDays(365);

  private static final String SIGNATURE = "SHA256withECDSA";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PrivateKey key;
  private final X509Certificate certificate;

  private ParticipantAuthority(PrivateKey key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  /** The authority kept in {@code directory}, made there on first use. */
  public static ParticipantAuthority in(Path directory) {
    Path keyFile = directory.resolve("ca-key.pem");
    Path certificateFile = directory.resolve("ca.pem");
    try {
      if (Files.exists(keyFile) && Files.exists(certificateFile)) {
        return new ParticipantAuthority(
            readKey(Files.readString(keyFile)), readCertificate(Files.readString(certificateFile)));
      }
      ParticipantAuthority made = inMemory();
      Files.createDirectories(directory);
      write(keyFile, Pem.privateKey(made.key), "rw-------");
      write(certificateFile, Pem.certificate(made.certificate), "rw-r--r--");
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot keep the participants' certificate authority in " + directory, e);
    }
  }

  /** A new authority that lives only in memory (tests). */
  public static ParticipantAuthority inMemory() {
    KeyPair pair = newKeyPair();
    X500Name name = new X500Name("CN=FLOps participants CA " + Long.toHexString(RANDOM.nextLong()));
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            serial(),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(3650))),
            name,
            pair.getPublic());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      return new ParticipantAuthority(pair.getPrivate(), sign(builder, pair.getPrivate()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The authority's certificate, PEM. */
  public String certificatePem() {
    return Pem.certificate(certificate);
  }

  /**
   * A fresh identity for {@code participant} (e.g. {@code aggregator}) of project {@code
   * projectId}: its certificate, private key and this authority.
   */
  public TlsLaunch issue(String projectId, String participant) {
    return issue(projectId, participant, List.of(dnsName(FlAccess.authority(projectId))));
  }

  /**
   * A fresh identity for a web server of project {@code projectId} (e.g. {@code observer}) that
   * users reach by name or address: the certificate names {@code localhost}, the loopback
   * addresses, every one of {@code hosts} (host names or IP addresses) and the project's {@link
   * FlAccess#authority}, so a client that trusts this authority checks the host as usual.
   */
  public TlsLaunch issueWebServer(String projectId, String server, List<String> hosts) {
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    hosts.stream().map(String::trim).filter(host -> !host.isEmpty()).forEach(names::add);
    List<GeneralName> alternatives = new ArrayList<>();
    names.forEach(name -> alternatives.add(hostName(name)));
    alternatives.add(dnsName(FlAccess.authority(projectId)));
    return issue(projectId, server, alternatives);
  }

  private TlsLaunch issue(String projectId, String participant, List<GeneralName> names) {
    KeyPair pair = newKeyPair();
    String certificatePem =
        issue(pair, "CN=" + participant + ", OU=" + projectId + ", O=FLOps", names, VALIDITY);
    return new TlsLaunch(certificatePem, Pem.privateKey(pair.getPrivate()), certificatePem());
  }

  /**
   * A fresh server identity for a data server's Arrow Flight endpoint, naming {@link
   * DataServerTlsLaunch#SERVER_NAME}, valid {@link #DATA_SERVER_VALIDITY}; its clients trust {@link
   * #certificatePem()}.
   */
  public DataServerTlsLaunch issueDataServer() {
    KeyPair pair = newKeyPair();
    String certificatePem =
        issue(
            pair,
            "CN=data server, O=FLOps",
            List.of(dnsName(DataServerTlsLaunch.SERVER_NAME)),
            DATA_SERVER_VALIDITY);
    return DataServerTlsLaunch.of(certificatePem, Pem.privateKey(pair.getPrivate()));
  }

  private String issue(KeyPair pair, String subject, List<GeneralName> names, Duration validity) {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            certificate,
            serial(),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(validity)),
            new X500Name(subject),
            pair.getPublic());
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return Pem.certificate(sign(builder, key));
  }

  private static GeneralName dnsName(String name) {
    return new GeneralName(GeneralName.dNSName, name);
  }

  /** An IP address as such, anything else as a DNS name. */
  private static GeneralName hostName(String host) {
    return IPAddress.isValid(host) ? new GeneralName(GeneralName.iPAddress, host) : dnsName(host);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign a participant certificate", e);
    }
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ECDSA P-256 is not available", e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).add(BigInteger.ONE);
  }

  private static PrivateKey readKey(String pem) throws IOException {
    try {
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Pem.body(pem)));
    } catch (GeneralSecurityException e) {
      throw new IOException("ca-key.pem holds no PKCS#8 EC key", e);
    }
  }

  private static X509Certificate readCertificate(String pem) throws IOException {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IOException("ca.pem holds no certificate", e);
    }
  }

  private static void write(Path file, String text, String permissions) throws IOException {
    Path partial =
        Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString(permissions));
    Files.writeString(partial, text);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Leaves out the key. */
  @Override
  public String toString() {
    return "ParticipantAuthority[" + certificate.getSubjectX500Principal().getName() + "]";
  }

  /** PEM text of keys and certificates. */
  static final class Pem {
    private Pem() {}

    static String certificate(X509Certificate certificate) {
      try {
        return armor("CERTIFICATE", certificate.getEncoded());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    static String privateKey(PrivateKey key) {
      return armor("PRIVATE KEY", key.getEncoded());
    }

    static byte[] body(String pem) {
      return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static String armor(String type, byte[] der) {
      String body =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
      return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
  }
}
