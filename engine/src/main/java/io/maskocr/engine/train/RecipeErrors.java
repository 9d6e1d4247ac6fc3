package io.maskocr.engine.train;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns Jackson's errors about a recipe file into one line in the recipe's own terms: where
 * in the file ({@code "lr" in stages[1]}), what is wrong and what to write instead, without
 * Java class names or parser switches a user cannot set.
 */
final class RecipeErrors {
  private RecipeErrors() {}

  /** The message for {@code e}, or null when this class has nothing better than Jackson's. */
  static String describe(JsonProcessingException e) {
    String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
        + e.getLocation().getColumnNr();
    // Jackson's own advice here is a parser switch the user cannot set
    if (String.valueOf(e.getOriginalMessage()).contains("Non-standard token")) {
      return "NaN or Infinity" + at + " is not a usable number; write a finite number";
    }
    if (e instanceof JsonParseException p) {
      String orig = String.valueOf(p.getOriginalMessage());
      return "not valid JSON" + at + " (" + orig.split("\n")[0].replaceAll(": was expecting.*", "")
          + "); fix the syntax";
    }
    if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
      return null;
    }
    String key = null;
    StringBuilder parent = new StringBuilder();
    var path = m.getPath();
    for (int i = 0; i < path.size(); i++) {
      JsonMappingException.Reference r = path.get(i);
      boolean last = i == path.size() - 1;
      if (r.getFieldName() != null) {
        if (last) {
          key = r.getFieldName();
        } else {
          parent.append(parent.length() == 0 ? "" : ".").append(r.getFieldName());
        }
      } else if (r.getIndex() >= 0) {
        parent.append('[').append(r.getIndex()).append(']');
      }
    }
    String where = "\"" + (key == null ? "?" : key) + "\" " + (parent.length() == 0 ? "at the top level" : "in " + parent);
    if (e instanceof UnrecognizedPropertyException u) {
      Collection<Object> known = u.getKnownPropertyIds();
      return "unknown key " + where + "; known keys: "
          + (known == null ? "see the docs" : known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")))
          + "; remove or rename it";
    }
    if (e instanceof InvalidFormatException f) {
      return where + " must be " + kind(f.getTargetType()) + ", not \"" + f.getValue() + "\"; fix the value";
    }
    if (e instanceof MismatchedInputException mi) {
      return where + " must be " + kind(mi.getTargetType()) + "; fix the value";
    }
    return null;
  }

  private static String kind(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class || type == Float.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON list [...]";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a JSON object {...}";
    }
    return "a " + type.getSimpleName();
  }
}
