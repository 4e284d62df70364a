package dev.parley.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** Reads request bodies: a JSON object whose fields are checked one by one, each failure a 400. */
final class Bodies {
  private Bodies() {}

  static ObjectNode object(Context ctx, ObjectMapper mapper) {
    return object(ctx.body(), mapper);
  }

  /** The body as a JSON object; anything else is a 400. */
  static ObjectNode object(String text, ObjectMapper mapper) {
    if (text.isBlank()) throw ApiException.badRequest("expected a JSON object in the request body");
    JsonNode node;
    try {
      node = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode o)) throw ApiException.badRequest("expected a JSON object, got " + node.getNodeType());
    return o;
  }

  /** A whole number in min..max, or null when absent. */
  static Integer integer(ObjectNode o, String field, int min, int max) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw ApiException.badRequest(field + " must be a whole number, got " + v);
    }
    int n = v.intValue();
    if (n < min || n > max) throw ApiException.badRequest(field + " must be " + min + ".." + max + ", got " + n);
    return n;
  }

  static double number(ObjectNode o, String field, double min, double max, double otherwise) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) return otherwise;
    if (!v.isNumber()) throw ApiException.badRequest(field + " must be a number, got " + v);
    double d = v.doubleValue();
    if (d < min || d > max) throw ApiException.badRequest(field + " must be " + min + ".." + max + ", got " + d);
    return d;
  }

  static String text(ObjectNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) throw ApiException.badRequest(field + " must be a string, got " + v);
    return v.textValue();
  }

  static boolean bool(ObjectNode o, String field, boolean otherwise) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) return otherwise;
    if (!v.isBoolean()) throw ApiException.badRequest(field + " must be true or false, got " + v);
    return v.booleanValue();
  }
}
