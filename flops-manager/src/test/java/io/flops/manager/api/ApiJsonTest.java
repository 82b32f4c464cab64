package io.flops.manager.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.flops.common.api.Milestone;
import io.flops.common.api.Problem;
import io.flops.common.api.ProjectView;
import io.flops.common.error.FieldError;
import io.flops.common.error.FlopsException;
import io.flops.common.error.web.ProblemDetails;
import io.flops.common.sla.ProjectSla;
import io.flops.common.sla.SlaJson;
import io.flops.manager.project.DeployedService;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectImages;
import io.flops.manager.project.ServiceRole;
import io.flops.manager.project.TrainingResults;
import io.flops.manager.project.Trigger;
import io.flops.manager.support.Steps;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's JSON is snake_case throughout (except the original's {@code customerID}) and is made of
 * the shared resources in {@code io.flops.common.api}, never of the manager's stored records.
 */
class ApiJsonTest {

  /** As Spring Boot configures the manager's mapper: ISO instants, strict reading. */
  private static final ObjectMapper JSON =
      Jackson2ObjectMapperBuilder.json()
          .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .postConfigurer(SlaJson::strict)
          .build();

  private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
  private static final String SNAKE_CASE = "[a-z][a-z0-9]*(_[a-z0-9]+)*";

  @Test
  void everyKeyOfAFullProjectIsSnakeCaseExceptCustomerId() throws Exception {
    JsonNode json =
        JSON.valueToTree(ProjectViews.view(fullProject(), "http://10.0.0.3:2727", "inference-t"));

    assertThat(json.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "flops_project_id",
            "customerID",
            "state",
            "sla",
            "timeline",
            "services",
            "images",
            "tracking",
            "accuracy",
            "loss",
            "inference_url",
            "inference_token",
            "observer_url",
            "failure_reason",
            "failing_component",
            "stage_timings",
            "created_at",
            "updated_at");
    assertThat(json.at("/services/0").has("deployment_id")).isTrue();
    assertThat(json.at("/images").has("trained_model")).isTrue();
    assertThat(json.at("/stage_timings/accepted").asText()).isEqualTo("2026-11-23T12:00:00Z");
    assertThat(keys(json))
        .filteredOn(key -> !key.equals("customerID"))
        .allMatch(key -> key.matches(SNAKE_CASE), "snake_case");
  }

  @Test
  void aProjectViewReadsBackAsItWasWritten() throws Exception {
    ProjectView view = ProjectViews.view(fullProject(), null, "inference-t");

    ProjectView read = JSON.readValue(JSON.writeValueAsBytes(view), ProjectView.class);

    assertThat(read).isEqualTo(view);
    assertThat(read.stageTimings().keySet()).first().isEqualTo(Milestone.ACCEPTED);
  }

  @Test
  void noAnswerOfAControllerIsAStoredRecord() {
    Set<Class<?>> answered = new LinkedHashSet<>();
    for (Class<?> controller : controllers()) {
      for (Method method : controller.getDeclaredMethods()) {
        if (java.lang.reflect.Modifier.isPublic(method.getModifiers())) {
          collect(method.getGenericReturnType(), answered);
        }
      }
    }

    assertThat(answered).isNotEmpty();
    assertThat(answered)
        .noneMatch(type -> type.getPackageName().startsWith("io.flops.manager"))
        .anyMatch(type -> type == ProjectView.class);
  }

  @Test
  void anInputProblemReadsAsTheSharedProblemBody() throws Exception {
    FlopsException invalid =
        FlopsException.invalidInput(
            "The SLA is invalid.", List.of(new FieldError("/ml_repo_url", "must be a URL")));
    ProblemDetail body = ProblemDetails.of(invalid);

    Problem problem = JSON.readValue(JSON.writeValueAsBytes(body), Problem.class);

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.type()).isEqualTo(URI.create("urn:flops:problem:invalid-input"));
    assertThat(problem.detail()).isEqualTo("The SLA is invalid.");
    assertThat(problem.errors()).containsExactly(new FieldError("/ml_repo_url", "must be a URL"));
  }

  private static Project fullProject() {
    ProjectSla sla =
        SlaJson.readProject(
            """
            {"customerID":"acme","ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r",
             "training_configuration":{"data_tags":["m"]},
             "post_training_steps":["build_image_for_trained_model","deploy_trained_model_image"]}"""
                .getBytes(StandardCharsets.UTF_8));
    Project project = Project.accept("p1", sla, T0);
    Steps.fire(project, Trigger.PREPARE, "prepare", T0.plusSeconds(1));
    Steps.fire(project, Trigger.BUILD_IMAGES, "build", T0.plusSeconds(2));
    Steps.fire(project, Trigger.IMAGES_BUILT, "built", T0.plusSeconds(40));
    Steps.fire(project, Trigger.AGGREGATOR_STARTED, "started", T0.plusSeconds(45));
    project.recordFirstRound(T0.plusSeconds(70));
    Steps.fire(project, Trigger.BUILD_INFERENCE_IMAGE, "trained", T0.plusSeconds(120));
    Steps.fire(project, Trigger.DEPLOY_INFERENCE, "image built", T0.plusSeconds(130));
    project.addService(
        new DeployedService(ServiceRole.CLUSTER_AGGREGATOR, "d1", "aggr-c1", "img", "c1", true));
    project.addService(
        new DeployedService(ServiceRole.INFERENCE_SERVER, "d2", "inf", "model", null, false));
    project.setImages(new ProjectImages("abc", "l", "a", true, "model"));
    project.setResults(new TrainingResults(0.93, 0.21, "1", "r7", "runs:/r7/model"));
    project.setTrackingUri("http://mlflow:7027");
    project.setInferenceUrl("http://10.0.0.2:8080");
    Steps.fail(project, "inference_server", "The inference server exited", T0.plusSeconds(150));
    return project;
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        keys.add(name);
        keys.addAll(keys(node.get(name)));
      }
    }
    if (node.isArray()) {
      node.elements().forEachRemaining(element -> keys.addAll(keys(element)));
    }
    return keys;
  }

  private static List<Class<?>> controllers() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
    List<Class<?>> controllers = new ArrayList<>();
    for (BeanDefinition bean : scanner.findCandidateComponents("io.flops.manager")) {
      try {
        controllers.add(Class.forName(bean.getBeanClassName()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return controllers;
  }

  /** Every class {@code type} is made of: its type arguments and, for records, their parts. */
  private static void collect(Type type, Set<Class<?>> seen) {
    if (type instanceof ParameterizedType parameterized) {
      collect(parameterized.getRawType(), seen);
      for (Type argument : parameterized.getActualTypeArguments()) {
        collect(argument, seen);
      }
    } else if (type instanceof Class<?> cls && seen.add(cls) && cls.isRecord()) {
      for (RecordComponent component : cls.getRecordComponents()) {
        collect(component.getGenericType(), seen);
      }
    }
  }
}
