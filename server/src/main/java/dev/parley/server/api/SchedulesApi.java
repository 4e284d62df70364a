package dev.parley.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.server.schedule.Schedule;
import dev.parley.server.schedule.ScheduleBook;
import dev.parley.server.schedule.ScheduleException;
import io.javalin.http.Context;

/** {@code /api/v1/schedules}: create, list, show, replace and delete scheduled conferences. */
final class SchedulesApi {
  private final ScheduleBook book;
  private final ObjectMapper mapper;

  SchedulesApi(ScheduleBook book, ObjectMapper mapper) {
    this.book = book;
    this.mapper = mapper;
  }

  void list(Context ctx) {
    ObjectNode out = mapper.createObjectNode();
    ArrayNode all = out.putArray("schedules");
    String room = ctx.queryParam("room");
    for (Schedule s : book().all()) if (room == null || room.equals(s.room())) ScheduleJson.write(s, all.addObject());
    ctx.json(out);
  }

  void create(Context ctx) {
    Schedule s = ScheduleJson.read(Bodies.object(ctx, mapper));
    ctx.status(201).json(ScheduleJson.write(saved(() -> book().create(s)), mapper.createObjectNode()));
  }

  void show(Context ctx) {
    ctx.json(ScheduleJson.write(existing(ctx), mapper.createObjectNode()));
  }

  void replace(Context ctx) {
    String id = existing(ctx).id();
    Schedule s = ScheduleJson.read(Bodies.object(ctx, mapper));
    Schedule saved = saved(() -> book().replace(id, s));
    if (saved == null) throw notFound(id);
    ctx.json(ScheduleJson.write(saved, mapper.createObjectNode()));
  }

  void delete(Context ctx) {
    String id = ctx.pathParam("schedule");
    if (!book().delete(id)) throw notFound(id);
    ctx.status(204);
  }

  private ScheduleBook book() {
    if (book == null) throw ApiException.notImplemented("scheduled conferences without a database");
    return book;
  }

  private Schedule existing(Context ctx) {
    String id = ctx.pathParam("schedule");
    Schedule s = book().get(id);
    if (s == null) throw notFound(id);
    return s;
  }

  private static ApiException notFound(String id) {
    return new ApiException(404, "schedule_not_found", "no schedule with id '" + id + "'");
  }

  private interface Save {
    Schedule run();
  }

  /** The book's verdict as the API's: 400 naming the field, 409 for a room already scheduled then. */
  private static Schedule saved(Save save) {
    try {
      return save.run();
    } catch (ScheduleException e) {
      throw e.conflict() ? new ApiException(409, "conflict", e.getMessage()) : ApiException.badRequest(e.getMessage());
    }
  }
}
