package io.maskocr.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.maskocr.engine.train.Recipes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Point(int x, int y) {}

  @Test
  void oneMapperOfEachKindIsShared() {
    assertSame(Json.mapper(), Json.mapper());
    assertSame(Json.pretty(), Recipes.json(), "recipes, checkpoints and provenance use the shared pretty mapper");
  }

  @Test
  void compactWritesOneLineAndPrettyIndents() throws Exception {
    Map<String, Object> v = Map.of("a", 1);
    assertFalse(Json.mapper().writeValueAsString(v).contains("\n"));
    assertTrue(Json.pretty().writeValueAsString(v).contains("\n"));
    assertEquals(new Point(1, 2), Json.pretty().readValue(Json.mapper().writeValueAsString(new Point(1, 2)), Point.class));
  }

  @Test
  void anUnknownPropertyIsRefusedByBoth() {
    String json = "{\"x\":1,\"y\":2,\"z\":3}";
    assertThrows(UnrecognizedPropertyException.class, () -> Json.mapper().readValue(json, Point.class));
    assertThrows(UnrecognizedPropertyException.class, () -> Json.pretty().readValue(json, Point.class));
  }
}
