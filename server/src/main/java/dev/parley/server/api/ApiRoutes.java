package dev.parley.server.api;

import java.util.List;

/** Every endpoint of the API in one place: the server registers these and the OpenAPI test checks them. */
final class ApiRoutes {
  static final String BASE = "/api/v1";
  static final String EVENTS = BASE + "/events";
  static final String OPENAPI = BASE + "/openapi.json";

  private ApiRoutes() {}

  static List<Route> all(RoomsApi rooms, MembersApi members, BillingApi records, RecordingPauseApi pause,
      Resources resources, SchedulesApi schedules, SoundsApi sounds) {
    String room = BASE + "/rooms/{room}";
    String member = room + "/members/{member}";
    String schedule = BASE + "/schedules/{schedule}";
    return List.of(
        new Route("get", OPENAPI, resources::openApi),
        new Route("get", EVENTS, null),
        new Route("get", BASE + "/rooms", rooms::list),
        new Route("post", BASE + "/rooms", rooms::create),
        new Route("get", BASE + "/billing", records::billing),
        new Route("get", BASE + "/recordings", records::recordings),
        new Route("get", BASE + "/sounds", sounds::list),
        new Route("get", room, rooms::show),
        new Route("delete", room, rooms::end),
        new Route("post", room + "/lock", rooms::lock),
        new Route("post", room + "/unlock", rooms::unlock),
        new Route("post", room + "/play", rooms::play),
        new Route("post", room + "/recording", rooms::startRecording),
        new Route("delete", room + "/recording", rooms::stopRecording),
        new Route("post", room + "/recording/pause", pause::pause),
        new Route("post", room + "/recording/resume", pause::resume),
        new Route("post", room + "/invites", rooms::dial),
        new Route("delete", room + "/invites/{invite}", rooms::cancelInvite),
        new Route("get", room + "/members", members::list),
        new Route("get", member, members::show),
        new Route("post", member + "/mute", members::mute),
        new Route("post", member + "/unmute", members::unmute),
        new Route("post", member + "/deaf", members::deaf),
        new Route("post", member + "/undeaf", members::undeaf),
        new Route("post", member + "/volume", members::volume),
        new Route("post", member + "/energy", members::energy),
        new Route("post", member + "/kick", members::kick),
        new Route("post", member + "/play", members::play),
        new Route("post", member + "/move", members::move),
        new Route("get", BASE + "/schedules", schedules::list),
        new Route("post", BASE + "/schedules", schedules::create),
        new Route("get", schedule, schedules::show),
        new Route("put", schedule, schedules::replace),
        new Route("delete", schedule, schedules::delete));
  }

  /** Served without a token: the page itself holds no data, and scrapers read metrics. */
  static List<Route> open(Resources resources, Metrics metrics) {
    return List.of(
        new Route("get", "/", ctx -> ctx.redirect("/dashboard")),
        new Route("get", "/dashboard", resources::dashboard),
        new Route("get", "/metrics", metrics::handle));
  }
}
