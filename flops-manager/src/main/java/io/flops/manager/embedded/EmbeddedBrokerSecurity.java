package io.flops.manager.embedded;

import io.flops.manager.mqtt.BrokerIdentities;
import io.flops.manager.mqtt.BrokerIdentity;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's gatekeeper: a client connects only with a credential of {@link
 * BrokerIdentities} (anonymous clients and wrong passwords are refused), and each identity may
 * publish and subscribe only where {@link BrokerIdentity} allows. Artemis names MQTT topics as
 * addresses with {@code .} for {@code /}; queue checks come as {@code address::queue}.
 */
final class EmbeddedBrokerSecurity implements ActiveMQSecurityManager5 {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerSecurity.class);

  private final BrokerIdentities identities;
  private final AtomicLong refused = new AtomicLong();

  EmbeddedBrokerSecurity(BrokerIdentities identities) {
    this.identities = identities;
  }

  @Override
  public Subject authenticate(
      String user, String password, RemotingConnection connection, String securityDomain) {
    if (identities.identify(user, password).isEmpty()) {
      log.warn(
          "MQTT client {} refused: {} ({} refused so far)",
          connection == null ? "?" : connection.getRemoteAddress(),
          user == null || user.isEmpty() ? "no credential" : "wrong credential for " + user,
          refused.incrementAndGet());
      return null;
    }
    Subject subject = new Subject();
    subject.getPrincipals().add(new UserPrincipal(user));
    subject.setReadOnly();
    return subject;
  }

  @Override
  public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
    BrokerIdentity identity = identityOf(subject);
    if (identity == null) {
      return false;
    }
    if (identity.isManager()) {
      return true;
    }
    String topic = topicOf(address);
    boolean allowed =
        switch (checkType) {
          case SEND -> identity.mayPublish(topic);
          case CONSUME,
                  CREATE_NON_DURABLE_QUEUE,
                  DELETE_NON_DURABLE_QUEUE,
                  CREATE_DURABLE_QUEUE,
                  DELETE_DURABLE_QUEUE ->
              identity.maySubscribe(topic);
          case CREATE_ADDRESS -> identity.mayPublish(topic) || identity.maySubscribe(topic);
          default -> false;
        };
    if (!allowed) {
      log.warn(
          "MQTT services of {} may not {} {} ({} refused so far)",
          identity.projectId(),
          checkType,
          topic,
          refused.incrementAndGet());
    }
    return allowed;
  }

  /** How many connections and operations were refused since the broker started. */
  long refusedCount() {
    return refused.get();
  }

  private BrokerIdentity identityOf(Subject subject) {
    if (subject == null) {
      return null;
    }
    return subject.getPrincipals(UserPrincipal.class).stream()
        .findFirst()
        .map(principal -> identityOf(principal.getName()))
        .orElse(null);
  }

  private static BrokerIdentity identityOf(String user) {
    if (BrokerIdentities.MANAGER_USER.equals(user)) {
      return BrokerIdentity.MANAGER;
    }
    return user.startsWith(BrokerIdentities.SERVICE_USER_PREFIX)
        ? BrokerIdentity.servicesOf(user.substring(BrokerIdentities.SERVICE_USER_PREFIX.length()))
        : null;
  }

  /** The MQTT topic (filter) of an Artemis address or {@code address::queue}. */
  static String topicOf(String address) {
    int queue = address.indexOf("::");
    String bare = queue < 0 ? address : address.substring(0, queue);
    return bare.replace('.', '/').replace('*', '+');
  }

  @Override
  public boolean validateUser(String user, String password) {
    return identities.identify(user, password).isPresent();
  }

  @Override
  public boolean validateUserAndRole(
      String user, String password, Set<Role> roles, CheckType checkType) {
    return false;
  }
}
