package vn.gov.sct.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.gov.sct.onestop.EngineTestSupport;

/**
 * A modeller deploys a changed model from Camunda Modeler to a running node, over real HTTP with the requests
 * Modeler 5 makes for Camunda 7 (connection check, POST /deployment/create with its form fields and the forms as
 * attachments, "start instance"); then the node restarts, and its start-up deployment of processes/ does not
 * deploy the older files over the modeller's version. The {@code modellers} group may do that and nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelerDeploymentTest extends EngineTestSupport {

  private static final String KEY = "modelerProbe";
  private static final String FOLDER = "modeler-probe";
  private static final String FORM = """
      {"id": "probeForm", "type": "default", "schemaVersion": 16, "components": [
        {"key": "note", "label": "Ghi chú", "type": "textfield", "id": "note"}]}""";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  private static String model(String documentation) {
    return ProcessModelsTest.process(KEY, "<bpmn:documentation>" + documentation + "</bpmn:documentation>"
        + "<bpmn:startEvent id=\"start\" camunda:formRef=\"probeForm\" camunda:formRefBinding=\"deployment\"/>");
  }

  /** The folder as the node's processes/ holds it: what the start-up deployment deploys. */
  private static ProcessModels shipped(String documentation) {
    return ProcessModels.of(List.of(
        new ProcessModels.ModelFile(FOLDER + "/probe.bpmn", model(documentation).getBytes(StandardCharsets.UTF_8)),
        new ProcessModels.ModelFile(FOLDER + "/probeForm.form", FORM.getBytes(StandardCharsets.UTF_8))));
  }

  private ProcessDefinition latest() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().singleResult();
  }

  @Test
  void a_model_deployed_from_modeler_is_not_overwritten_by_the_start_up_deployment_of_older_files() throws Exception {
    // the node started with the folder's files as committed
    new ProcessModelDeployer(shipped("bản đã phát hành")).deploy(engine);
    int shippedVersion = latest().getVersion();

    // Modeler: connection check, then "Deploy" of the changed diagram with the folder's form attached
    assertThat(send("GET", "/engine-rest/version", null, "modeller:demo").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/engine-rest/deployment?maxResults=0", null, "modeller:demo").statusCode()).isEqualTo(200);
    HttpResponse<String> deployed = deployFromModeler("modeller:demo", model("bản sửa trong Modeler"));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    JsonNode deployment = json.readTree(deployed.body());
    JsonNode definition = deployment.path("deployedProcessDefinitions").elements().next();
    assertThat(definition.path("key").asText()).isEqualTo(KEY);
    assertThat(definition.path("version").asInt()).isEqualTo(shippedVersion + 1);

    // deploying the same diagram again makes no new version (Modeler's own duplicate filtering)
    HttpResponse<String> again = deployFromModeler("modeller:demo", model("bản sửa trong Modeler"));
    assertThat(json.readTree(again.body()).path("id").asText()).isEqualTo(deployment.path("id").asText());

    // "Start instance": the form of the start event is found in the same deployment
    HttpResponse<String> started = send("POST", "/engine-rest/process-definition/" + definition.path("id").asText()
        + "/start", "{\"businessKey\": \"thu-nghiem-modeler\"}", "modeller:demo");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    HttpResponse<String> form = send("GET", "/engine-rest/process-definition/" + definition.path("id").asText()
        + "/deployed-start-form", null, "modeller:demo");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(form.body()).contains("probeForm");

    // the node restarts with its unchanged processes/: nothing is deployed, the modeller's version stays latest
    assertThat(new ProcessModelDeployer(shipped("bản đã phát hành")).deploy(engine)).isZero();
    assertThat(latest().getDeploymentId()).isEqualTo(deployment.path("id").asText());
    assertThat(latest().getVersion()).isEqualTo(shippedVersion + 1);

    // the change committed to processes/ and released: the next start deploys it as a newer version
    assertThat(new ProcessModelDeployer(shipped("bản sửa trong Modeler")).deploy(engine)).isEqualTo(1);
    assertThat(latest().getVersion()).isEqualTo(shippedVersion + 2);
  }

  @Test
  void modellers_see_no_dossier_and_change_nothing_else() throws Exception {
    String code = submit("promotionRegistration", "Công ty Mô Hình").getBusinessKey();
    // no dossier data: tasks, instances, variables, history, our staff API
    assertThat(json.readTree(send("GET", "/engine-rest/task?processInstanceBusinessKey=" + code, null,
        "modeller:demo").body())).isEmpty();
    assertThat(json.readTree(send("GET", "/engine-rest/process-instance?businessKey=" + code, null,
        "modeller:demo").body())).isEmpty();
    assertThat(json.readTree(send("GET", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + code,
        null, "modeller:demo").body())).isEmpty();
    assertThat(send("GET", "/api/v1/dossiers/" + code + "/control-slip", null, "modeller:demo").statusCode())
        .isIn(403, 404);
    // no deleting of deployments, no suspending of definitions
    String deploymentId = engine.getRepositoryService().createDeploymentQuery()
        .deploymentName(ProcessModels.ROOT + "promotion-registration").list().get(0).getId();
    assertThat(send("DELETE", "/engine-rest/deployment/" + deploymentId, null, "modeller:demo").statusCode())
        .isIn(403, 404);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentId(deploymentId).count()).isOne();
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("promotionRegistration").latestVersion().singleResult().getId();
    assertThat(send("PUT", "/engine-rest/process-definition/" + definitionId + "/suspended",
        "{\"suspended\": true}", "modeller:demo").statusCode()).isEqualTo(403);
    // and a clerk may not deploy
    assertThat(deployFromModeler("motcua:demo", model("của Bộ phận Một cửa")).statusCode()).isEqualTo(403);
  }

  /** POST /deployment/create as Camunda Modeler 5 sends it for Camunda 7 (CamundaAPI.deployDiagram). */
  private HttpResponse<String> deployFromModeler(String credentials, String diagram) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", ProcessModels.ROOT + FOLDER);
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("enable-duplicate-filtering", "true");
    Map<String, String> files = new LinkedHashMap<>();
    files.put("probe.bpmn", diagram);
    files.put("probeForm.form", FORM);
    String boundary = "----modeler" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
          + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
          + "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: text/xml\r\n\r\n" + file.getValue() + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", basic(credentials))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String body, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Accept", "application/json")
        .header("Authorization", basic(credentials));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
