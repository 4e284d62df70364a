package dev.parley.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Files the server ships in its jar and serves as they are: the OpenAPI document and the dashboard. */
final class Resources {
  static final String OPENAPI_RESOURCE = "/api/openapi.json";
  static final String DASHBOARD_RESOURCE = "/dashboard/index.html";

  private final byte[] openApi = read(OPENAPI_RESOURCE);
  private final byte[] dashboard = read(DASHBOARD_RESOURCE);

  void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApi);
  }

  void dashboard(Context ctx) {
    ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache").result(dashboard);
  }

  static byte[] read(String resource) {
    try (InputStream in = Resources.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException(resource + " is missing from the classpath: broken build");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
