package dev.parley.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.media.engine.TickStats;
import dev.parley.server.conference.CallControl;
import dev.parley.server.conference.Conference;
import dev.parley.server.store.BillingRecords;
import dev.parley.server.config.ApiSettings;
import dev.parley.server.schedule.ScheduleBook;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane over HTTP (Javalin on Jetty): the REST API and event stream under
 * {@value ApiRoutes#BASE}, the dashboard, metrics. Every error is
 * {@code {"error": {"code": "...", "message": "..."}}}; bad input is 4xx, never 500.
 *
 * <p>Handlers run on Jetty's threads (virtual threads) and call the conference's thread-safe
 * methods; nothing here runs on a media thread.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
  private static final String ERROR_WRITTEN = "parley.error";
  /** Events kept for clients that resume. */
  static final int BACKLOG = 10_000;

  private final Javalin app;
  private final EventJournal journal;
  private final EventStream stream;
  private final Conference conference;

  private ApiServer(Javalin app, EventJournal journal, EventStream stream, Conference conference) {
    this.app = app;
    this.journal = journal;
    this.stream = stream;
    this.conference = conference;
  }

  /**
   * Starts listening on {@code settings.address():port()} and follows the conference's events.
   *
   * @param activeCalls how many calls the server holds, for metrics
   * @param calls the call layer's actions (move, invites, profiles)
   * @param billing the stored billing records and recordings
   * @param ticks the media workers' tick figures, for metrics
   * @param schedules the scheduled conferences
   * @throws RuntimeException (Javalin's) when the port cannot be bound
   */
  public static ApiServer start(ApiSettings settings, ApiToken token, Conference conference, SoundCatalog sounds,
      IntSupplier activeCalls, CallControl calls, BillingRecords billing, List<TickStats> ticks,
      ScheduleBook schedules) {
    ObjectMapper mapper = new ObjectMapper();
    EventJournal journal = new EventJournal(BACKLOG, new EventJson(mapper));
    EventStream stream = new EventStream(journal, mapper);
    PlayRequest play = new PlayRequest(sounds);
    RoomsApi rooms = new RoomsApi(conference, mapper, play, calls);
    MembersApi members = new MembersApi(rooms, mapper, play, calls);
    BillingApi records = new BillingApi(billing);
    Resources resources = new Resources();
    SchedulesApi scheduleApi = new SchedulesApi(schedules, mapper);
    Metrics metrics = new Metrics(conference, activeCalls, stream::clientCount, ticks);

    Javalin app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.startupWatcherEnabled = false;
      cfg.useVirtualThreads = true;
      cfg.http.prefer405over404 = true;
      cfg.router.ignoreTrailingSlashes = true;
      cfg.jsonMapper(new JavalinJackson(mapper, false));
    });
    app.before(ApiRoutes.BASE + "/*", ctx -> {
      if (!ctx.path().equals(ApiRoutes.OPENAPI) && !ctx.path().equals(ApiRoutes.EVENTS)) authenticate(ctx, token);
    });
    app.wsBeforeUpgrade(ApiRoutes.EVENTS, ctx -> {
      authenticate(ctx, token);
      EventStream.checkQuery(ctx.queryParam("since"));
    });
    for (Route r : ApiRoutes.all(rooms, members, records, new RecordingPauseApi(rooms), resources, scheduleApi,
        new SoundsApi(sounds))) {
      if (r.handler() != null) app.addHttpHandler(HandlerType.valueOf(r.method().toUpperCase()), r.path(), r.handler());
    }
    for (Route r : ApiRoutes.open(resources, metrics)) {
      app.addHttpHandler(HandlerType.valueOf(r.method().toUpperCase()), r.path(), r.handler());
    }
    app.ws(ApiRoutes.EVENTS, stream::configure);

    app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
    app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), codeOf(e.getStatus()), e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      log.error("API {} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, "internal_error", "the server failed on this request; its log says why");
    });
    // Javalin's own answers (no such path, wrong method) get the same shape as ours.
    app.error(404, ctx -> { if (ctx.attribute(ERROR_WRITTEN) == null) error(ctx, 404, "not_found", "no such endpoint: " + ctx.path()); });
    app.error(405, ctx -> { if (ctx.attribute(ERROR_WRITTEN) == null) error(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()); });

    conference.events().subscribe(journal);
    try {
      app.start(settings.address(), settings.port());
    } catch (RuntimeException e) {
      conference.events().unsubscribe(journal);
      throw e;
    }
    log.info("API on http://{}:{}{}/ (dashboard http://{}:{}/dashboard)", settings.address(), app.port(),
        ApiRoutes.BASE, settings.address(), app.port());
    return new ApiServer(app, journal, stream, conference);
  }

  /** The port the API listens on. */
  public int port() {
    return app.port();
  }

  static void authenticate(Context ctx, ApiToken token) {
    String header = ctx.header("Authorization");
    String presented = null;
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) presented = header.substring(7).strip();
    // RFC 6750 §2.3: browsers cannot put headers on a WebSocket, so the dashboard uses the query.
    if (presented == null) presented = ctx.queryParam("access_token");
    if (!token.matches(presented)) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"parley\"");
      throw new ApiException(401, "unauthorized",
          presented == null ? "send Authorization: Bearer TOKEN" : "the token is not this server's");
    }
  }

  private static void error(Context ctx, int status, String code, String message) {
    ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
    ctx.status(status).json(Map.of("error", Map.of("code", code, "message", message == null ? code : message)));
  }

  private static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      case 413 -> "payload_too_large";
      default -> status >= 500 ? "internal_error" : "bad_request";
    };
  }

  @Override
  public void close() {
    conference.events().unsubscribe(journal);
    stream.closeAll();
    app.stop();
  }

  /** For tests: the routes this server registers. */
  static List<Route> routes() {
    return ApiRoutes.all(new RoomsApi(null, null, null, null), new MembersApi(null, null, null, null),
        new BillingApi(null), new RecordingPauseApi(null), new Resources(), new SchedulesApi(null, null), new SoundsApi(null));
  }
}
