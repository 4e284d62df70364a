package dev.parley.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The committed OpenAPI document and the routes the server registers describe the same API. */
class OpenApiDocumentTest {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private static JsonNode document() throws Exception {
    return new ObjectMapper().readTree(Resources.read(Resources.OPENAPI_RESOURCE));
  }

  private static Set<String> registered() {
    Set<String> routes = new TreeSet<>();
    for (Route r : ApiServer.routes()) routes.add(r.method() + " " + r.path());
    return routes;
  }

  @Test
  void everyRegisteredRouteIsInTheDocument() throws Exception {
    JsonNode paths = document().path("paths");
    List<String> missing = new ArrayList<>();
    for (String route : registered()) {
      String[] mp = route.split(" ", 2);
      if (!paths.path(mp[1]).has(mp[0])) missing.add(route);
    }
    assertThat(missing).as("routes missing from openapi.json").isEmpty();
  }

  @Test
  void everyOperationInTheDocumentIsRegistered() throws Exception {
    Set<String> documented = new TreeSet<>();
    document().path("paths").properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> {
      if (METHODS.contains(m)) documented.add(m + " " + p.getKey());
    }));
    assertThat(documented).isEqualTo(registered());
  }

  @Test
  void noOperationIsDocumentedAsNotImplementedAnyMore() throws Exception {
    List<String> unbuilt = new ArrayList<>();
    document().path("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
      if (op.getValue().path("responses").has("501")) unbuilt.add(op.getKey() + " " + p.getKey());
    }));
    assertThat(unbuilt).as("operations still documented as 501").isEmpty();
  }

  @Test
  void everyErrorCodeTheServerUsesIsInTheErrorSchema() throws Exception {
    JsonNode codes = document().at("/components/schemas/Error/properties/error/properties/code/enum");
    List<String> listed = new ArrayList<>();
    codes.forEach(c -> listed.add(c.asText()));
    assertThat(listed).contains("unauthorized", "bad_request", "room_not_found", "member_not_found", "sound_not_found",
        "not_found", "method_not_allowed", "not_implemented", "internal_error", "profile_not_found", "room_exists",
        "already_recording", "recording_failed", "not_recording", "bad_dial_string", "invite_not_found", "not_movable",
        "no_route", "same_room", "room_refused", "store_unavailable");
  }
}
