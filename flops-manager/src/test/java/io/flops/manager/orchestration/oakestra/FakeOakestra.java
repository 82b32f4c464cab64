package io.flops.manager.orchestration.oakestra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * WireMock stubs that behave like Oakestra for one service each, built from the recorded exchanges:
 * registration returns a new id; each instance request adds a RUNNING (or, for one-shot services,
 * COMPLETED/FAILED) instance; removing an instance and deleting the service work as API.md §3
 * describes (a deleted service reads 404, deleting it again 500).
 */
final class FakeOakestra {

  /** What the instances of a fake service do. */
  enum Behaviour {
    RUN("RUNNING"),
    EXIT_0("COMPLETED"),
    EXIT_1("FAILED");

    private final String instanceStatus;

    Behaviour(String instanceStatus) {
      this.instanceStatus = instanceStatus;
    }
  }

  private static final int MAX_INSTANCES = 3;
  private final WireMockServer server;
  private int nextId;

  FakeOakestra(WireMockServer server) {
    this.server = server;
    server.stubFor(
        post(urlEqualTo("/api/auth/login"))
            .willReturn(okJson(Recordings.responseBody("01_login.json"))));
    server.stubFor(
        get(urlEqualTo("/api/user/Admin"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody(Recordings.text("user-admin.json"))));
    server.stubFor(
        get(urlEqualTo("/api/applications/" + Recordings.USER_ID))
            .willReturn(okJson(Recordings.responseBody("06_app_create.json"))));
  }

  /** Stubs a service named {@code name}; returns the id Oakestra will give it. */
  String service(String name, Behaviour behaviour) {
    String id = String.format("66f1a2b5c4d5e6f7081%05x", ++nextId);
    String scenario = "service-" + name;
    server.stubFor(
        post(urlEqualTo("/api/service/"))
            .withRequestBody(
                matchingJsonPath(
                    "$.applications[0].microservices[0].microservice_name", equalTo(name)))
            .willReturn(
                okJson(
                    "{\"deployed_services\":[{\"service_name\":\""
                        + name
                        + "\",\"status\":200}],\"failed_services\":[],\"job_id\":\""
                        + id
                        + "\"}\n")));
    String path = "/api/service/" + id;
    for (int count = 0; count <= MAX_INSTANCES; count++) {
      String state = state(count);
      String[] instances = new String[count];
      java.util.Arrays.fill(instances, behaviour.instanceStatus);
      String status = count == 0 ? null : behaviour.instanceStatus;
      server.stubFor(
          get(urlEqualTo(path))
              .inScenario(scenario)
              .whenScenarioStateIs(state)
              .willReturn(okJson(Recordings.serviceDocument(id, name, status, instances))));
      if (count < MAX_INSTANCES) {
        server.stubFor(
            post(urlEqualTo(path + "/instance"))
                .inScenario(scenario)
                .whenScenarioStateIs(state)
                .willSetStateTo(state(count + 1))
                .willReturn(okJson("{\"message\":\"ok\"}")));
      }
      if (count > 0) {
        server.stubFor(
            delete(urlEqualTo(path + "/instance/" + (count - 1)))
                .inScenario(scenario)
                .whenScenarioStateIs(state)
                .willSetStateTo(state(count - 1))
                .willReturn(okJson("{\"message\":\"ok\"}")));
      }
      server.stubFor(
          delete(urlEqualTo(path))
              .inScenario(scenario)
              .whenScenarioStateIs(state)
              .willSetStateTo("deleted")
              .willReturn(okJson("{\"message\":\"Job deleted\"}")));
    }
    server.stubFor(
        get(urlEqualTo(path))
            .inScenario(scenario)
            .whenScenarioStateIs("deleted")
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":404,\"status\":\"Not Found\"}\n")));
    server.stubFor(
        delete(urlEqualTo(path))
            .inScenario(scenario)
            .whenScenarioStateIs("deleted")
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":500,\"status\":\"Internal Server Error\"}\n")));
    return id;
  }

  private static String state(int instances) {
    return instances == 0 ? Scenario.STARTED : instances + " instances";
  }
}
