package io.flops.inference.scoring;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * MLflow's scoring protocol: {@code POST /invocations} answers {@code {"predictions": [...]}};
 * {@code GET /ping} and {@code GET /health} answer 200 once the model is loaded; {@code GET
 * /version}; and {@code GET /metadata} (also {@code /signature}) describes the served model.
 */
@RestController
class ScoringController {

  static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

  private final Scorer scorer;
  private final ModelMetadata metadata;
  private final String version;

  ScoringController(Scorer scorer, ModelMetadata metadata, ObjectProvider<BuildProperties> build) {
    this.scorer = scorer;
    this.metadata = metadata;
    BuildProperties properties = build.getIfAvailable();
    this.version = properties == null ? "unknown" : properties.getVersion();
  }

  @PostMapping(path = "/invocations", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, List<Object>> invoke(
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) MediaType contentType,
      @RequestBody(required = false) byte[] body)
      throws HttpMediaTypeNotSupportedException {
    if (contentType != null && MediaType.APPLICATION_JSON.includes(contentType)) {
      return Map.of("predictions", scorer.scoreJson(body));
    }
    if (contentType != null && TEXT_CSV.includes(contentType)) {
      Charset charset = contentType.getCharset() == null ? UTF_8 : contentType.getCharset();
      return Map.of(
          "predictions", scorer.scoreCsv(body == null ? null : new String(body, charset)));
    }
    throw new HttpMediaTypeNotSupportedException(
        contentType, List.of(MediaType.APPLICATION_JSON, TEXT_CSV), HttpMethod.POST);
  }

  @GetMapping(path = {"/ping", "/health"})
  String ping() {
    return "\n";
  }

  @GetMapping("/version")
  Map<String, String> version() {
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("name", "flops-inference");
    answer.put("version", version);
    answer.put("flavor", metadata.flavor());
    return answer;
  }

  @GetMapping(path = {"/metadata", "/signature"})
  ModelMetadata metadata() {
    return metadata;
  }
}
